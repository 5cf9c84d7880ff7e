"""End-to-end test of the real Baton app: built binary, under Xvfb, driven
through tauri-driver + WebKitWebDriver.

Run by scripts/test.sh as:  xvfb-run -a python3 e2e/test_app.py target/debug/baton-app
Screenshots land in e2e/out/ for a human to look at. Each flow lives in an
app_*.py file of its own; this file runs them in order.
"""

import os
import shutil
import sys
import tempfile
import time
import traceback

from app_books import closed_book_screens
from app_corrections import corrections, corrections_in_english, draft_survives_a_crash
from app_dark import dark_mode
from app_demo import demo_and_filters
from app_desktop import reminder_at_start, shown_once_loaded
from app_handover import HANDOVER, handover_export, handover_take_over
from app_records import (
    contact_and_followup,
    create_customer_with_person_and_edit,
    markup_is_text,
    order_changes_value,
    trash_round_trip,
)
from app_relationship import relationship_card
from app_restart import after_restart, settings_in_english
from app_search import global_search
from harness import APP, OUT, Driver, shot
from webdriver import WebDriverError


def main():
    os.makedirs(OUT, exist_ok=True)
    if not os.access(APP, os.X_OK):
        sys.exit(f"e2e: no app binary at {APP}")
    tmp = tempfile.mkdtemp(prefix="baton-e2e-")
    db = os.path.join(tmp, "book.db")
    HANDOVER["file"] = os.path.join(tmp, "交接-华为.baton")
    driver = Driver()
    try:
        s = driver.session(db)
        try:
            shown_once_loaded(s)
            create_customer_with_person_and_edit(s)
            contact_and_followup(s)
            order_changes_value(s)
            corrections(s)
            relationship_card(s)
            global_search(s)
            handover_export(s)
            evil = markup_is_text(s)
            trash_round_trip(s, evil)
            settings_in_english(s)
        except Exception:
            shot(s, "failure-session-1")
            raise
        finally:
            s.quit()
        time.sleep(1)  # the app exits and releases the book lock
        s = driver.session(db)
        try:
            after_restart(s)
            corrections_in_english(s)
        except Exception:
            shot(s, "failure-session-2")
            raise
        finally:
            s.quit()
        handover_take_over(driver, tmp)
        draft_survives_a_crash(driver, tmp)
        demo_and_filters(driver, tmp)
        reminder_at_start(tmp)
        dark_mode(tmp)
        closed_book_screens(driver, tmp)
    except (WebDriverError, AssertionError):
        traceback.print_exc()
        print("e2e: FAILED (see e2e/out/ for screenshots and the driver log)")
        return 1
    finally:
        driver.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    print("e2e: all passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
