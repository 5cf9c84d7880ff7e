#!/usr/bin/env python3
"""Writes the import corpus (issue 16): files that mimic, byte for byte in
the ways that matter (line ends, encodings, header rows, quoting, notes
paragraphs, workbook internals), what phones, CRMs and address books
export. Every person and company here is invented.

Run once to (re)write the files; they are committed, and
tests/core/corpus.rs holds what each must bring. Needs xlwt and openpyxl
(PyPI) only for the two workbooks."""

import csv
import io
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def csv_bytes(rows, encoding="utf-8", bom=False, line="\r\n", quote=csv.QUOTE_MINIMAL):
    out = io.StringIO()
    csv.writer(out, lineterminator=line, quoting=quote).writerows(rows)
    data = out.getvalue().encode(encoding)
    return (b"\xef\xbb\xbf" + data) if bom else data


def qp(text):
    """QUOTED-PRINTABLE of UTF-8, with Android's soft line breaks every 76."""
    encoded = "".join(f"={b:02X}" for b in text.encode("utf-8"))
    lines, line = [], ""
    for i in range(0, len(encoded), 3):
        if len(line) + 3 > 73:
            lines.append(line + "=")
            line = ""
        line += encoded[i:i + 3]
    lines.append(line)
    return "\r\n".join(lines)


def iphone():
    """iOS Contacts 'Export vCard': 3.0, item-grouped labels, a photo, and
    every line ending in CR CR LF."""
    photo = "/9j/4AAQSkZJRgABAQAAAQABAAD" + "A" * 300
    folded = "\n ".join(photo[i:i + 74] for i in range(0, len(photo), 74))
    cards = [
        ["N:王;总;;;", "FN:王总", "ORG:深圳远帆通信技术有限公司;", "TITLE:副总经理",
         "TEL;type=CELL;type=VOICE;type=pref:138 0013 8001", "item1.EMAIL;type=INTERNET;type=pref:wang@yuanfan-tech.example",
         "item1.X-ABLabel:_$!<Other>!$_"],
        ["N:李;工;;;", "FN:李工", "ORG:苏州恒达机械有限公司;采购部", "TEL;type=CELL:139-0013-9002"],
        ["N:Schmidt;Anna;;;", "FN:Anna Schmidt", "ORG:Ironwood Textiles GmbH;", "EMAIL;type=INTERNET;type=WORK:anna.schmidt@ironwood.example",
         f"PHOTO;ENCODING=b;TYPE=JPEG:{folded}"],
        ["N:张阿姨;;;;", "FN:张阿姨", "TEL;type=HOME:0512-6700 1234"],
        ["N:;老周(远航物流);;;", "FN:老周(远航物流)", "TEL;type=CELL:137 0013 7003"],
        ["N:陈;总;;;", "FN:陈总", "ORG:深圳远帆通信技术有限公司;", "TEL;type=CELL:136 0013 6004", "NOTE:年底续约"],
    ]
    text = "".join("\n".join(["BEGIN:VCARD", "VERSION:3.0", "PRODID:-//Apple Inc.//iPhone OS 17.5//EN", *c, "END:VCARD"]) + "\n"
                   for c in cards)
    write("iphone.vcf", text.replace("\n", "\r\r\n").encode("utf-8"))


def android():
    """An Android phone's 'Export to .vcf': 2.1, QUOTED-PRINTABLE UTF-8 with
    soft breaks, and almost no ORG."""
    def card(fn, n, tel, extra=()):
        lines = ["BEGIN:VCARD", "VERSION:2.1"]
        if n:
            lines.append(f"N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{qp(n)}")
        if fn:
            lines.append(f"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{qp(fn)}")
        lines += [f"TEL;CELL:{tel}", *extra, "END:VCARD"]
        return "\r\n".join(lines) + "\r\n"

    cards = [
        card("王总 华新建材", ";王总 华新建材;;;", "13812340001"),
        card("李工-恒昌", ";李工-恒昌;;;", "13812340002"),
        card("刘经理", "刘;经理;;;", "13812340003",
             [f"NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{qp('常州精工模具有限公司 采购部，展会认识，喜欢喝茶，下次带样品过去')}"]),
        card("赵敏", "赵;敏;;;", "+86 138 1234 0004", ["EMAIL;HOME:zhaomin@xinliang-materials.example"]),
        card("妈妈", ";妈妈;;;", "13812340005"),
        card("", "", "13812340006"),
        card("快递小哥", ";快递小哥;;;", "13812340007"),
        card("孙总", "孙;总;;;", "13812340008",
             [f"ORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{qp('宁波海景电器有限公司')}",
              f"TITLE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{qp('总经理')}"]),
    ]
    write("android.vcf", "".join(cards).encode("ascii"))


def thunderbird_vcf():
    """Thunderbird's address book as vCard 4.0, saved on Windows (CR LF)."""
    cards = [
        ["FN:Marta Kowalska", "N:Kowalska;Marta;;;", "ORG:Baltic Amber Trading;", "EMAIL;PREF=1:marta@baltic-amber.example",
         "TEL;TYPE=cell;VALUE=TEXT:+48 600 100 200"],
        ["FN:Jean Dupont", "N:Dupont;Jean;;;", "EMAIL;PREF=1:jean.dupont@laposte.example", "NOTE:Rencontré au salon de Lyon"],
        ["FN:周小川", "N:周;小川;;;", "ORG:杭州云栖软件有限公司;研发部", "TITLE:技术总监", "EMAIL;PREF=1:zhou@yunqi-soft.example"],
    ]
    text = "".join("\r\n".join(["BEGIN:VCARD", "VERSION:4.0", *c, "END:VCARD"]) + "\r\n" for c in cards)
    write("thunderbird.vcf", text.encode("utf-8"))


OUTLOOK_HEADERS = [
    "Title", "First Name", "Middle Name", "Last Name", "Suffix", "Company", "Department", "Job Title",
    "Business Street", "Business Street 2", "Business Street 3", "Business City", "Business State",
    "Business Postal Code", "Business Country/Region", "Home Street", "Home Street 2", "Home Street 3", "Home City",
    "Home State", "Home Postal Code", "Home Country/Region", "Other Street", "Other Street 2", "Other Street 3",
    "Other City", "Other State", "Other Postal Code", "Other Country/Region", "Assistant's Phone", "Business Fax",
    "Business Phone", "Business Phone 2", "Callback", "Car Phone", "Company Main Phone", "Home Fax", "Home Phone",
    "Home Phone 2", "ISDN", "Mobile Phone", "Other Fax", "Other Phone", "Pager", "Primary Phone", "Radio Phone",
    "TTY/TDD Phone", "Telex", "Account", "Anniversary", "Assistant's Name", "Billing Information", "Birthday",
    "Business Address PO Box", "Categories", "Children", "Directory Server", "E-mail Address", "E-mail Type",
    "E-mail Display Name", "E-mail 2 Address", "E-mail 2 Type", "E-mail 2 Display Name", "E-mail 3 Address",
    "E-mail 3 Type", "E-mail 3 Display Name", "Gender", "Government ID Number", "Hobby", "Home Address PO Box",
    "Initials", "Internet Free Busy", "Keywords", "Language", "Location", "Manager's Name", "Mileage", "Notes",
    "Office Location", "Organizational ID Number", "Other Address PO Box", "Priority", "Private", "Profession",
    "Referred By", "Sensitivity", "Spouse", "User 1", "User 2", "User 3", "User 4", "Web Page",
]


def outlook():
    """Outlook's 'Export to a file' CSV on a Chinese Windows: GBK, every
    field quoted, 'Title' is the honorific and 'Job Title' the job."""
    def row(**v):
        return [v.get(h, "") for h in OUTLOOK_HEADERS]

    rows = [OUTLOOK_HEADERS,
            row(**{"First Name": "芳", "Last Name": "王", "Company": "华东精密机械有限公司", "Job Title": "采购经理",
                   "Business City": "苏州", "Mobile Phone": "13900000001", "E-mail Address": "wangfang@hdjm.example",
                   "E-mail Type": "SMTP", "E-mail Display Name": "王芳 (wangfang@hdjm.example)", "Birthday": "0/0/00",
                   "Gender": "Unspecified", "Initials": "W.F.", "Priority": "Normal", "Private": "False",
                   "Sensitivity": "Normal", "Categories": "重要客户"}),
            row(**{"Title": "Dr.", "First Name": "Robert", "Middle Name": "J.", "Last Name": "Miller", "Suffix": "Jr.",
                   "Company": "Redstone Electronic Components Ltd", "Job Title": "Head of Procurement",
                   "Business Phone": "+44 20 7946 0102", "E-mail Address": "r.miller@redstone.example",
                   "Birthday": "0/0/00", "Gender": "Male", "Priority": "Normal", "Private": "False",
                   "Sensitivity": "Normal"}),
            row(**{"First Name": "敏", "Last Name": "赵", "Company": "华东精密机械有限公司", "Job Title": "技术部经理",
                   "Mobile Phone": "13900000003", "Birthday": "1985/4/12", "Gender": "Female", "Priority": "Normal",
                   "Private": "False", "Sensitivity": "Normal", "Notes": "负责技术评估"}),
            row(**{"First Name": "小明", "Last Name": "陈", "Mobile Phone": "13900000004", "E-mail Address": "xm.chen@qq.com",
                   "Birthday": "0/0/00", "Gender": "Unspecified", "Priority": "Normal", "Private": "False",
                   "Sensitivity": "Normal", "Notes": "朋友介绍，在远航物流做调度"})]
    write("outlook.csv", csv_bytes(rows, encoding="gbk", quote=csv.QUOTE_ALL))


def google():
    """Google Contacts 'Export · Google CSV' (the 2024 format): UTF-8, LF."""
    headers = ["First Name", "Middle Name", "Last Name", "Phonetic First Name", "Phonetic Middle Name",
               "Phonetic Last Name", "Name Prefix", "Name Suffix", "Nickname", "File As", "Organization Name",
               "Organization Title", "Organization Department", "Birthday", "Notes", "Photo", "Labels",
               "E-mail 1 - Label", "E-mail 1 - Value", "E-mail 2 - Label", "E-mail 2 - Value", "Phone 1 - Label",
               "Phone 1 - Value", "Phone 2 - Label", "Phone 2 - Value", "Address 1 - Label", "Address 1 - Formatted",
               "Website 1 - Label", "Website 1 - Value"]

    def row(**v):
        return [v.get(h, "") for h in headers]

    rows = [headers,
            row(**{"First Name": "Li", "Last Name": "Wei", "Organization Name": "Hengda Machinery Co., Ltd.",
                   "Organization Title": "Purchasing Manager", "Labels": "* myContacts ::: Customers",
                   "E-mail 1 - Label": "* Work", "E-mail 1 - Value": "li.wei@hengda.example", "Phone 1 - Label": "Mobile",
                   "Phone 1 - Value": "+86 139 0000 1001"}),
            row(**{"First Name": "Zhang", "Last Name": "Lei", "Organization Name": "Hengda Machinery Co., Ltd.",
                   "Organization Title": "Engineer", "Labels": "* myContacts", "Phone 1 - Label": "Mobile",
                   "Phone 1 - Value": "+86 139 0000 1002 ::: +86 512 6000 1002"}),
            row(**{"Name Prefix": "Ms.", "First Name": "Laura", "Last Name": "Bianchi", "Organization Name": "Milano Design Srl",
                   "Labels": "* myContacts", "E-mail 1 - Label": "Work", "E-mail 1 - Value": "laura@milanodesign.example"}),
            row(**{"First Name": "晓", "Last Name": "孙", "Labels": "* myContacts", "Phone 1 - Label": "Mobile",
                   "Phone 1 - Value": "138 0000 1004", "Notes": "微信群里认识"}),
            row(**{"Nickname": "Tony", "Labels": "* myContacts", "E-mail 1 - Label": "Home",
                   "E-mail 1 - Value": "tony.h@gmail.example"})]
    write("google.csv", csv_bytes(rows, line="\n"))


def salesforce():
    """A Salesforce 'Contacts' report export: UTF-8 with BOM, all quoted."""
    rows = [["First Name", "Last Name", "Title", "Account Name", "Mailing City", "Phone", "Mobile", "Email", "Contact Owner"],
            ["Anna", "Schmidt", "Buyer", "Ironwood Textiles GmbH", "Berlin", "+49 30 1234567", "", "anna.schmidt@ironwood.example", "Chen Jing"],
            ["芳", "王", "采购经理", "华东精密机械有限公司", "苏州", "", "13900000001", "wangfang@hdjm.example", "Chen Jing"],
            ["", "", "", "Redstone Electronic Components Ltd", "London", "", "", "info@redstone.example", "Chen Jing"],
            ["Tom", "Baker", "CFO", "Redstone Electronic Components Ltd", "London", "+44 20 7946 0001", "", "", "Chen Jing"]]
    write("salesforce.csv", csv_bytes(rows, bom=True, quote=csv.QUOTE_ALL))


def hubspot():
    """HubSpot's contacts export: most contacts have no company name."""
    rows = [["Record ID", "First Name", "Last Name", "Email", "Phone Number", "Company Name", "Contact owner",
             "Lifecycle Stage", "Create Date", "Last Activity Date"],
            ["101", "Anna", "Schmidt", "anna.schmidt@ironwood.example", "", "Ironwood Textiles GmbH", "Chen Jing",
             "Customer", "2025-03-02 10:14", "2026-10-30 16:02"],
            ["102", "Tom", "Baker", "tom.baker@gmail.example", "+44 20 7946 0001", "", "Chen Jing", "Lead",
             "2025-04-11 09:00", ""],
            ["103", "Mia", "Wong", "mia@redstone.example", "", "", "", "Subscriber", "2025-05-20 11:30", ""],
            ["104", "", "", "sales@unknown-buyer.example", "", "", "", "Marketing Qualified Lead", "2025-06-01 08:00", ""],
            ["105", "Lukas", "Meyer", "lukas.meyer@web.example", "+49 170 1234567", "", "Chen Jing", "Opportunity",
             "2025-07-07 14:45", "2026-09-01 10:00"],
            ["106", "Sofia", "Rossi", "", "+39 02 1234 5678", "", "", "Other", "2025-08-08 12:00", ""]]
    write("hubspot.csv", csv_bytes(rows))


def linkedin():
    """LinkedIn's Connections.csv: a notes paragraph before the header."""
    rows = [["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"],
            ["Wei", "Li", "https://www.linkedin.com/in/li-wei-000001", "", "Hengda Machinery Co., Ltd.", "Purchasing Manager", "12 Mar 2024"],
            ["Anna", "Schmidt", "https://www.linkedin.com/in/anna-schmidt-000002", "anna.schmidt@ironwood.example", "Ironwood Textiles GmbH", "Buyer", "03 Jan 2025"],
            ["Raj", "Patel", "https://www.linkedin.com/in/raj-patel-000003", "", "", "", "28 Feb 2025"],
            ["Emma", "Taylor", "https://www.linkedin.com/in/emma-taylor-000004", "", "Everbright Food Group", "General Manager", "19 Jul 2025"]]
    notes = ("Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing. "
             "You will only see email addresses for connections who have allowed their connections to see or download "
             "their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn "
             "more about this setting here https://www.linkedin.com/help/linkedin/answer/261\"\n\n")
    write("linkedin.csv", notes.encode("utf-8") + csv_bytes(rows, line="\n"))


THUNDERBIRD = {
    "en": ["First Name", "Last Name", "Display Name", "Nickname", "Primary Email", "Secondary Email", "Screen Name",
           "Work Phone", "Home Phone", "Fax Number", "Pager Number", "Mobile Number", "Home Address", "Home Address 2",
           "Home City", "Home State", "Home ZipCode", "Home Country", "Work Address", "Work Address 2", "Work City",
           "Work State", "Work ZipCode", "Work Country", "Job Title", "Department", "Organization", "Web Page 1",
           "Web Page 2", "Birth Year", "Birth Month", "Birth Day", "Custom 1", "Custom 2", "Custom 3", "Custom 4", "Notes"],
    "de": ["Vorname", "Nachname", "Anzeigename", "Spitzname", "Primäre E-Mail-Adresse", "Sekundäre E-Mail-Adresse",
           "Messenger-Name", "Tel. dienstlich", "Tel. privat", "Fax-Nummer", "Pager-Nummer", "Mobil-Tel.-Nr.",
           "Privat: Adresse", "Privat: Adresse 2", "Privat: Ort", "Privat: Bundesland", "Privat: PLZ", "Privat: Land",
           "Dienstlich: Adresse", "Dienstlich: Adresse 2", "Dienstlich: Ort", "Dienstlich: Bundesland", "Dienstlich: PLZ",
           "Dienstlich: Land", "Arbeitstitel", "Abteilung", "Organisation", "Webseite 1", "Webseite 2", "Geburtsjahr",
           "Geburtsmonat", "Geburtstag", "Benutzerdef. 1", "Benutzerdef. 2", "Benutzerdef. 3", "Benutzerdef. 4", "Notizen"],
    "fr": ["Prénom", "Nom", "Nom à afficher", "Surnom", "Adresse électronique principale", "Adresse électronique secondaire",
           "Nom d’écran", "Tél. professionnel", "Tél. personnel", "Fax", "Pager", "Portable", "Adresse privée",
           "Adresse privée 2", "Ville", "Pays/État", "Code postal", "Pays/Région (domicile)", "Adresse professionnelle",
           "Adresse professionnelle 2", "Ville", "Pays/État", "Code postal", "Pays/Région (bureau)", "Titre", "Service",
           "Société", "Site web 1", "Site web 2", "Année de naissance", "Mois", "Jour", "Divers 1", "Divers 2", "Divers 3",
           "Divers 4", "Notes"],
    "zh": ["名", "姓", "显示名称", "昵称", "首选邮件", "次要邮件", "屏幕名", "工作电话", "家庭电话", "传真号码", "寻呼机号码",
           "移动电话号码", "家庭地址", "家庭地址 2", "家庭所在城市", "家庭所在省/直辖市/自治区", "家庭邮编", "家庭所在国家/地区",
           "工作地址", "工作地址 2", "工作所在城市", "工作所在省/直辖市/自治区", "工作邮编", "工作所在国家/地区", "职位",
           "部门", "组织", "网页 1", "网页 2", "出生年份", "出生月份", "出生日", "自定义 1", "自定义 2", "自定义 3",
           "自定义 4", "备注"],
}


def thunderbird_csv():
    """Thunderbird's 'Export… CSV' in four interface languages: the
    headers are translated; Windows line ends; the zh one in GB18030 as
    Thunderbird on a Chinese Windows writes it."""
    people = [
        # first, last, display, email, work phone, mobile, title, dept, org, notes
        ("Marta", "Kowalska", "Marta Kowalska", "marta@baltic-amber.example", "+48 58 100 2000", "+48 600 100 200",
         "Sales Director", "Export", "Baltic Amber Trading", ""),
        ("Jean", "Dupont", "Jean Dupont", "jean.dupont@laposte.example", "", "+33 6 12 34 56 78", "", "", "",
         "Rencontré au salon de Lyon"),
        ("小川", "周", "周小川", "zhou@yunqi-soft.example", "0571-8800 1234", "13900002001", "技术总监", "研发部",
         "杭州云栖软件有限公司", ""),
    ]
    for lang, headers in THUNDERBIRD.items():
        cols = [0, 1, 2, 4, 7, 11, 24, 25, 26, len(headers) - 1]
        rows = [headers]
        for p in people:
            row = [""] * len(headers)
            for c, v in zip(cols, p):
                row[c] = v
            rows.append(row + [""])  # Thunderbird ends every row with a comma
        encoding = "gb18030" if lang == "zh" else "utf-8"
        write(f"thunderbird-{lang}.csv", csv_bytes(rows, encoding=encoding))


CRM_HEADERS = ["客户名称", "客户级别", "客户来源", "所属行业", "联系人", "手机", "职务", "备注"]
CRM_ROWS = [
    ["苏州恒达机械有限公司", "高", "展会", "机械制造", "李工", "13800000001", "采购经理", "决策人"],
    ["苏州恒达机械有限公司", "高", "展会", "机械制造", "钱立群", "13800000002", "总经理", "決策人，喜欢打球"],
    ["无锡新材料有限公司", "中", "转介绍", "新材料", "赵敏", "13800000003", "技术总监", ""],
    ["常州小五金店", "低", "电话", "五金", "钱多", "13800000004", "老板", ""],
    ["南通海洋物流有限公司", "中", "网络", "物流", "", "", "", "只有公司电话"],
]


def crm_xls():
    """A Chinese CRM's import template, filled in and saved as legacy .xls
    (BIFF8), with a title row above the header."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("客户导入模板")
    sheet.write(0, 0, "客户导入模板（请勿修改表头）")
    for c, h in enumerate(CRM_HEADERS):
        sheet.write(1, c, h)
    for r, row in enumerate(CRM_ROWS, start=2):
        for c, v in enumerate(row):
            sheet.write(r, c, int(v) if c == 5 and v else v)  # phones typed as numbers, as people do
    path = os.path.join(HERE, "crm-template.xls")
    book.save(path)


def crm_xlsx():
    """The same template as .xlsx, as Excel saves it (openpyxl)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "客户导入模板"
    sheet.append(["客户导入模板（请勿修改表头）"])
    sheet.append(CRM_HEADERS)
    for row in CRM_ROWS:
        sheet.append([int(v) if i == 5 and v else v for i, v in enumerate(row)])
    book.save(os.path.join(HERE, "crm-template.xlsx"))


def wps_xlsx():
    """A sheet saved by WPS 表格: rich-text shared strings (a header split
    in runs), cells without their r= reference, a wrong <dimension>, and
    WPS's own app.xml."""
    strings = ["店名", "联系人", "电话", "地址", "老王面馆", "王老板", "河西大街 8 号", "阿香米线", "香姐", "中山路 21 号"]
    def si(s):
        if s == "店名":
            return "<si><r><rPr><b/><sz val=\"11\"/></rPr><t>店</t></r><r><rPr><b/><sz val=\"11\"/></rPr><t>名</t></r></si>"
        return f"<si><t>{s}</t></si>"
    sst = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">'
           + "".join(si(s) for s in strings) + "</sst>")

    def cell(v):
        if isinstance(v, int) and v >= 10**6:
            return f"<c><v>{v}</v></c>"
        return f'<c t="s"><v>{v}</v></c>'
    rows = [[0, 1, 2, 3], [4, 5, 13800001111, 6], [7, 8, 13800002222, 9]]
    data = "".join(f'<row r="{i + 1}" spans="1:4">' + "".join(cell(v) for v in r) + "</row>" for i, r in enumerate(rows))
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
             'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
             '<dimension ref="A1"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews>'
             '<sheetFormatPr defaultColWidth="9" defaultRowHeight="13.5"/>'
             f"<sheetData>{data}</sheetData>"
             '<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/></worksheet>')
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
        "</Types>",
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
        "</Relationships>",
        "docProps/app.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>WPS 表格</Application></Properties>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="门店" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        "</Relationships>",
        "xl/worksheets/sheet1.xml": sheet,
        "xl/sharedStrings.xml": sst,
    }
    path = os.path.join(HERE, "wps-shops.xlsx")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 11, 30, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))


if __name__ == "__main__":
    iphone()
    android()
    thunderbird_vcf()
    outlook()
    google()
    salesforce()
    hubspot()
    linkedin()
    thunderbird_csv()
    crm_xls()
    crm_xlsx()
    wps_xlsx()
