//! Word pools for the demo book, in Chinese and English.

pub const CITIES_ZH: &[&str] = &[
    "北京", "上海", "广州", "深圳", "苏州", "杭州", "成都", "武汉", "南京", "天津", "重庆", "西安", "宁波", "青岛",
    "厦门", "长沙", "郑州", "合肥", "佛山", "东莞",
];
pub const BRANDS_ZH: &[&str] = &[
    "恒达", "华信", "长城", "中科", "新锐", "宏远", "金盛", "天成", "博远", "瑞丰", "海川", "鼎新", "安泰", "联创",
    "汇通", "明德", "正泰", "永安", "嘉禾", "卓越", "启明", "远景", "银河", "神州", "东方", "腾飞", "凯达", "德润",
    "盛世", "祥云",
];
pub const INDUSTRIES: &[(&str, &str)] = &[
    ("精密机械", "Precision Machinery"),
    ("电子元件", "Electronic Components"),
    ("物流", "Logistics"),
    ("医疗器械", "Medical Devices"),
    ("化工", "Chemicals"),
    ("软件", "Software"),
    ("食品", "Food"),
    ("建材", "Building Materials"),
    ("汽车零部件", "Auto Parts"),
    ("新能源", "New Energy"),
    ("纺织", "Textiles"),
    ("包装", "Packaging"),
];
pub const SUFFIX_ZH: &[&str] = &["有限公司", "股份有限公司", "集团有限公司", "科技有限公司"];
pub const BRANDS_EN: &[&str] = &[
    "Northwind",
    "Bluepeak",
    "Harbor",
    "Ironwood",
    "Silverline",
    "Redstone",
    "Summit",
    "Everbright",
    "Oakridge",
    "Brightwater",
    "Atlas",
    "Crescent",
    "Granite",
    "Pioneer",
    "Meridian",
    "Keystone",
];
pub const SUFFIX_EN: &[&str] = &["Ltd", "Inc.", "GmbH", "Co., Ltd.", "Group"];
pub const CITIES_EN: &[&str] = &[
    "Hong Kong",
    "Singapore",
    "Munich",
    "Chicago",
    "Osaka",
    "Rotterdam",
    "Manchester",
    "Lyon",
];

pub const SURNAMES_ZH: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗",
    "高", "欧阳", "司马",
];
pub const GIVEN_ZH: &[&str] = &[
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英",
    "建国", "志强", "海燕", "晓东", "文博", "子涵",
];
pub const FIRST_EN: &[&str] = &[
    "Anna", "Ben", "Clara", "David", "Emma", "Frank", "Grace", "Henry", "Iris", "Jack", "Karen", "Liam", "Mia", "Noah",
];
pub const LAST_EN: &[&str] = &[
    "Smith", "Müller", "Johnson", "Brown", "Tanaka", "Garcia", "Wilson", "Schmidt", "Taylor", "Dubois", "Clark",
];

pub const TITLES: &[(&str, &str)] = &[
    ("总经理", "General Manager"),
    ("采购经理", "Purchasing Manager"),
    ("技术总监", "Technical Director"),
    ("生产主管", "Production Supervisor"),
    ("财务总监", "CFO"),
    ("项目经理", "Project Manager"),
    ("副总裁", "Vice President"),
    ("工程师", "Engineer"),
];
pub const DEPARTMENTS: &[(&str, &str)] = &[
    ("总经办", "Executive Office"),
    ("采购部", "Purchasing"),
    ("技术部", "Engineering"),
    ("生产部", "Production"),
    ("财务部", "Finance"),
    ("项目部", "Projects"),
];
pub const PERSONALITY: &[(&str, &str)] = &[
    ("做事果断，重视数据", "Decisive, wants data"),
    ("谨慎稳重，不喜欢冒险", "Careful, dislikes risk"),
    ("热情健谈，重感情", "Warm and talkative, values loyalty"),
    ("注重细节，追求完美", "Detail-oriented perfectionist"),
    ("强势，喜欢掌控局面", "Dominant, likes control"),
];
pub const INTERESTS: &[(&str, &str)] = &[
    ("高尔夫、茶道", "Golf, tea"),
    ("钓鱼", "Fishing"),
    ("马拉松", "Marathons"),
    ("书法、收藏", "Calligraphy, collecting"),
    ("足球", "Football"),
    ("摄影、旅行", "Photography, travel"),
];
pub const EDUCATION: &[(&str, &str)] = &[
    ("清华大学 机械工程硕士", "MSc Mechanical Engineering"),
    ("复旦大学 工商管理硕士", "MBA"),
    ("本科 工商管理", "BA Business Administration"),
    ("大专 电气自动化", "Diploma, Electrical Automation"),
];
/// The book's salespeople (owners, and the colleagues who know someone).
pub const SALESPEOPLE: &[(&str, &str)] = &[
    ("张伟", "Tom Becker"),
    ("李娜", "Sarah Klein"),
    ("王芳", "James Carter"),
    ("陈静", "Linda Moore"),
    ("刘洋", "Peter Hall"),
];
pub const TAGS: &[(&str, &str)] = &[
    ("华东", "East region"),
    ("华南", "South region"),
    ("老客户", "Long-standing"),
    ("大项目", "Big project"),
    ("潜力", "High potential"),
    ("展会", "Trade fair lead"),
    ("出口", "Export"),
    ("代工", "OEM"),
    ("渠道", "Channel"),
    ("政府项目", "Public sector"),
];
pub const COMPETITORS: &[(&str, &str)] = &[
    ("西门子", "Siemens"),
    ("ABB", "ABB"),
    ("施耐德", "Schneider Electric"),
    ("汇川技术", "Inovance"),
    ("博世力士乐", "Bosch Rexroth"),
    ("台达", "Delta"),
    ("欧姆龙", "Omron"),
];
pub const SUPPLIER_LISTS: &[(&str, &str)] = &[("一级", "first-tier"), ("二级", "second-tier"), ("备选", "backup")];
pub const LOST_REASONS: &[(&str, &str)] = &[
    (
        "价格战：竞品报价低15%，我方未及时调整",
        "Price war: a competitor quoted 15% lower and we did not adjust in time",
    ),
    (
        "关键人（采购经理）离职，新任与竞品关系密切",
        "The purchasing manager left; the new one is close to a competitor",
    ),
    ("二季度交货延误，失去信任", "Delivery delays in Q2 broke their trust"),
    (
        "客户业务转型，不再需要该产品线",
        "They changed business and no longer need the line",
    ),
];
pub const CUSTOMER_NOTES: &[(&str, &str)] = &[
    ("年底预算集中释放", "Budget is released at the year's end"),
    ("付款周期较长，需关注回款", "Pays slowly: watch the receivables"),
    ("决策流程长，需要多层次接触", "Long decisions: work several levels"),
];
pub const REVENUE_BAND: &[(&str, &str)] = &[
    ("<1000万", "< CNY 10M"),
    ("1000万–5000万", "CNY 10–50M"),
    ("5000万–1亿", "CNY 50–100M"),
    ("1–5亿", "CNY 100–500M"),
    (">5亿", "> CNY 500M"),
];
pub const OPERATING_CONDITION: &[(&str, &str)] = &[
    ("经营稳健，现金流良好", "Stable, with good cash flow"),
    ("快速扩张期", "Expanding fast"),
    ("利润下滑，正在压缩成本", "Margins falling, cutting costs"),
    ("稳定盈利", "Stable, profitable"),
];
pub const ORGANISATION: &[(&str, &str)] = &[
    ("家族企业，老板拍板", "Family-owned: the owner decides"),
    (
        "国企，流程规范，集体决策",
        "State-owned: formal process, decided by committee",
    ),
    ("外资，矩阵式管理", "Foreign-owned, matrix management"),
    ("扁平，工程师说了算", "Flat, engineers decide"),
];
pub const CULTURE: &[(&str, &str)] = &[
    ("务实、重质量", "Down-to-earth, quality first"),
    ("创新驱动", "Driven by innovation"),
    ("成本优先", "Cost first"),
    ("客户至上，看重长期合作", "Customer first, long-term partners"),
];
pub const INDUSTRY_STANDING: &[(&str, &str)] = &[
    ("行业前三", "Top three in the industry"),
    ("区域龙头", "Regional leader"),
    ("中游，增长快", "Mid-field, growing fast"),
    ("细分领域领先", "Niche leader"),
];
pub const PROSPECTS: &[(&str, &str)] = &[
    ("计划三年内上市", "Plans to list within three years"),
    ("新厂房明年投产", "A new plant opens next year"),
    ("面临转型压力", "Under pressure to change"),
    ("正在开拓东南亚市场", "Expanding into Southeast Asia"),
];
pub const NEED_STATED: &[(&str, &str)] = &[
    ("降低采购成本10%", "Cut purchasing costs by 10%"),
    ("缩短交货期到两周", "Delivery within two weeks"),
    ("需要本地技术支持", "Local technical support"),
];
pub const NEED_REAL: &[(&str, &str)] = &[
    ("稳定的供货保障", "A reliable supply"),
    ("降低设备停机时间", "Less machine downtime"),
    ("降低总体拥有成本", "Reduce total cost of ownership"),
];
pub const NEED_UNSTATED: &[(&str, &str)] = &[
    (
        "希望供应商帮助培训操作人员",
        "Wants the supplier to train the operators",
    ),
    ("需要对上级展示项目成果", "Must show results to their bosses"),
];
pub const NEED_DELIGHT: &[(&str, &str)] = &[
    ("定期上门巡检", "Regular on-site checks"),
    ("提供行业对标报告", "An industry benchmark report"),
];
pub const NEED_SECRET: &[(&str, &str)] = &[
    (
        "采购经理希望借项目晋升",
        "The purchasing manager hopes the project gets him promoted",
    ),
    ("老板考虑更换现有供应商", "The owner is thinking of changing suppliers"),
];
pub const BACKGROUNDS: &[(&str, &str)] = &[
    ("已婚，孩子读高中", "Married, a child in high school"),
    ("父亲是老厂长", "Father ran the plant before"),
    ("老乡，重乡情", "From the same hometown; values it"),
];
pub const PERSON_NOTES: &[(&str, &str)] = &[
    ("不喜欢电话推销，先发微信", "Dislikes cold calls: message first"),
    ("周五下午不安排会议", "No meetings on Friday afternoons"),
    ("喜欢详细的书面方案", "Likes detailed written proposals"),
];
