"""The installed package (issue 15): build the .deb with the Tauri bundler,
install it with dpkg, and start the installed binary the way the desktop
does, from the entry's Exec line with a double-clicked handover file for %f.
The app opens on that file's import preview, then a customer is created on
the default book in a fresh home folder, and the window closes.

usage: python3 e2e/test_package.py PATH/TO/Baton_VERSION_amd64.deb PATH/TO/baton
"""

import os
import shlex
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import traceback

from harness import Driver, shot
from webdriver import WebDriverError

DESKTOP = "/usr/share/applications/Baton.desktop"


def install(deb):
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    subprocess.run(sudo + ["dpkg", "-i", deb], check=True, stdout=subprocess.DEVNULL)
    print(f"- installed {os.path.basename(deb)} with dpkg")


def desktop_entry():
    entry = {}
    with open(DESKTOP, encoding="utf-8") as f:
        for line in f:
            key, sep, value = line.rstrip("\n").partition("=")
            if sep:
                entry[key] = value
    assert entry["Name"] == "Baton" and entry["Name[zh_CN]"] == "客户交接本", entry
    assert "Office" in entry["Categories"], entry["Categories"]
    assert "application/x-baton-handover" in entry["MimeType"], entry
    assert entry["Exec"].endswith("%f"), entry["Exec"]
    for size in ["16x16", "32x32", "48x48", "128x128", "256x256", "512x512"]:
        icon = f"/usr/share/icons/hicolor/{size}/apps/{entry['Icon']}.png"
        assert os.path.isfile(icon), icon
    globs = open("/usr/share/mime/globs2", encoding="utf-8").read() if os.path.exists("/usr/share/mime/globs2") else ""
    assert os.path.isfile("/usr/share/mime/packages/baton.xml")
    if "*.baton" not in globs:
        # dpkg's trigger runs update-mime-database when shared-mime-info is
        # installed; without it there is no MIME database to update.
        print("  (no shared-mime-info here: the MIME type is installed, not yet registered)")
    print(f"- the desktop entry: {entry['Name']} / {entry['Name[zh_CN]']}, {entry['Categories']} {entry['MimeType']}")
    return entry


def exec_line(entry, file):
    """The command the desktop runs for a double-clicked `file`."""
    words = shlex.split(entry["Exec"])
    args = [file if w == "%f" else w for w in words if w not in ("%F", "%u", "%U")]
    binary = shutil.which(args[0])
    assert binary and binary.startswith("/usr/"), f"the installed binary, not the source tree's: {binary}"
    return binary, args[1:]


def handover_file(baton_cli, tmp):
    book = os.path.join(tmp, "leaver.db")
    out = os.path.join(tmp, "交接-测试.baton")
    subprocess.run([baton_cli, "--db", book, "demo", "--customers", "3", "--seed", "5"], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    subprocess.run([baton_cli, "--db", book, "export", "--out", out], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return out


def main():
    deb, baton_cli = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    tmp = tempfile.mkdtemp(prefix="baton-package-")
    home = os.path.join(tmp, "home")
    os.makedirs(home)
    driver = None
    try:
        install(deb)
        entry = desktop_entry()
        file = handover_file(baton_cli, tmp)
        binary, args = exec_line(entry, file)
        # A fresh home: the installed app makes its own default book there.
        driver = Driver({"HOME": home, "XDG_DATA_HOME": os.path.join(home, ".local", "share")})
        s = driver.session(None, app=binary, args=args)
        try:
            print(f"- {binary} {' '.join(args)}: opens on the file's import preview")
            s.wait("[data-testid=import-counts]", text="客户")
            s.wait("[data-testid=import-path]", text="交接-测试.baton")
            shot(s, "60-package-opened-on-file-zh")
            print("- smoke: a customer is created on the default book, then the window closes")
            s.click("[data-testid=nav-customers]")
            s.type("[data-testid=my-name]", "王芳")
            s.click("[data-testid=save-my-name]")
            s.click("[data-testid=new-customer]")
            s.type("#f-customer-name", "安装包测试有限公司")
            s.click("[data-testid=customer-form] [data-testid=save]")
            s.wait("[data-testid=customer-row]", text="安装包测试有限公司")
        except Exception:
            shot(s, "failure-package")
            raise
        finally:
            s.quit()
        time.sleep(1)
        book = os.path.join(home, ".local", "share", "baton", "baton.db")
        names = [r[0] for r in sqlite3.connect(book).execute("SELECT name FROM customers")]
        assert names == ["安装包测试有限公司"], names
        print(f"- the default book {book} holds the customer")
    except (WebDriverError, AssertionError, subprocess.CalledProcessError):
        traceback.print_exc()
        print("package: FAILED")
        return 1
    finally:
        if driver:
            driver.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    print("package: all passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
