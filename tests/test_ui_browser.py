"""The web UI in headless Chromium over the seeds with the real model: ask, follow up, upload, and no script runs.

Screenshots go to eval/reports/ui/ (1280x900 and a 390x844 phone width).
"""

from __future__ import annotations

import re
import shutil
import socket
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

playwright_api = pytest.importorskip("playwright.sync_api")
expect = playwright_api.expect

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "eval" / "reports" / "ui"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
ANSWER_TIMEOUT_MS = 30_000
GREEN = "How many hectares of green space will Minhang complete this year?"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app_url(real_seed_index, real_embedder, tmp_path_factory):
    """One server for the module (like `real_seed_pipeline`, but shared, to keep the browser tests short)."""
    from rag.config import Settings
    from rag.pipeline import Pipeline
    from ui.app import build_app, serve

    index = tmp_path_factory.mktemp("ui-browser") / "index"
    shutil.copytree(real_seed_index, index)
    demo = build_app(Pipeline(Settings(index_dir=index), embedder=real_embedder))
    url = serve(demo, "127.0.0.1", _free_port(), block=False)
    assert url.startswith("http://127.0.0.1:")
    yield url
    demo.close()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    with playwright_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, app_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(app_url, wait_until="domcontentloaded")
    page.locator("#question textarea").wait_for()
    yield page
    context.close()


def ask(page, question: str):
    """Type a question, press Enter, and return the new answer's bubble."""
    bubbles = page.locator('#chat [data-testid="bot"]')
    before = bubbles.count()
    page.locator("#question textarea").fill(question)
    page.locator("#question textarea").press("Enter")
    expect(bubbles).to_have_count(before + 1, timeout=ANSWER_TIMEOUT_MS)
    return bubbles.nth(before)


def upload(page, path: Path) -> None:
    page.get_by_role("tab", name="Documents").click()
    page.locator("#upload input[type=file]").set_input_files(str(path))
    expect(page.locator("#upload-result")).to_contain_text(": added", timeout=ANSWER_TIMEOUT_MS)
    page.get_by_role("tab", name="Chat").click()


def test_english_question_gets_a_cited_answer_with_surrounding_text(page):
    answer = ask(page, GREEN)
    expect(answer).to_contain_text("80 hectares")
    expect(answer).to_contain_text("[1]")
    sources = page.locator("#sources")
    expect(sources.locator("mark").first).to_contain_text("80 hectares")
    expect(sources).to_contain_text("001_0f473db965e7e286.txt")

    context = sources.locator("details.rag-context").first
    expect(context.locator(".rag-context-text")).not_to_be_visible()
    context.locator("summary").click()
    expect(context.locator(".rag-context-text")).to_be_visible()
    page.screenshot(path=str(SHOTS / "chat-1280x900.png"))

    page.get_by_text("Settings", exact=True).click()
    expect(page.get_by_label("Only these documents")).to_be_visible()
    page.get_by_label("Only these documents").click()  # its choices come from pipeline.documents()
    expect(page.get_by_role("option", name="001_0f473db965e7e286.txt")).to_be_visible()
    page.wait_for_timeout(400)  # let the menu finish fading in
    page.screenshot(path=str(SHOTS / "settings-1280x900.png"))
    page.keyboard.press("Escape")


def test_chinese_question(page):
    answer = ask(page, "区委副书记、区长是谁？")
    expect(answer).to_contain_text("周海鹰")
    expect(page.locator("#sources mark").first).to_be_visible()


def test_abstention_says_so_and_lists_the_closest_passages(page):
    answer = ask(page, "What is the airspeed velocity of an unladen swallow?")
    expect(answer).to_contain_text("Not found in the documents")
    expect(page.locator("#sources")).to_contain_text("Closest passages")
    expect(page.locator("#sources .rag-card").first).to_be_visible()
    page.screenshot(path=str(SHOTS / "abstention-1280x900.png"))


def test_screen_readers_get_the_message_text_not_its_html(page):
    # Gradio labels a message with its raw content; ours is HTML (citation markers, highlights).
    answer = ask(page, GREEN)
    expect(answer).to_have_attribute("aria-label", re.compile(r"^bot's message: .*80 hectares"))
    label = answer.get_attribute("aria-label")
    assert "<" not in label and "class=" not in label, label
    question = page.locator('#chat [data-testid="user"]').last
    expect(question).to_have_attribute("aria-label", f"user's message: {GREEN}")


def test_follow_up_uses_the_previous_question(page):
    expect(ask(page, GREEN)).to_contain_text("80 hectares")
    follow_up = ask(page, "And how many pocket parks?")
    expect(follow_up).to_contain_text("20 pocket parks")
    expect(follow_up).to_contain_text("Searched for:")
    expect(page.locator("#sources .rag-searched")).to_be_visible()


def test_uploaded_file_can_be_asked_about(page, tmp_path):
    note = tmp_path / "zorblax notes.txt"
    note.write_text(
        "Zorblax project notes.\n\nThe launch code of the Zorblax project is 4471-KAPPA.\n", encoding="utf-8"
    )
    upload(page, note)
    answer = ask(page, "What is the launch code of the Zorblax project?")
    expect(answer).to_contain_text("4471-KAPPA")
    expect(page.locator("#sources")).to_contain_text("zorblax_notes.txt")


def test_script_in_an_uploaded_document_does_not_run(page, tmp_path):
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(
        'Quokka bulletin <script>window.__pwned=1</script> <img src=x onerror="window.__pwned=2;alert(2)">\n\n'
        "The Quokka festival takes place on the island of Rottnest every May. <script>alert(1)</script> **bold** $$x^2$$\n",
        encoding="utf-8",
    )
    upload(page, hostile)
    answer = ask(page, "Where does the Quokka festival take place?")
    expect(answer).to_contain_text("Rottnest")
    sources = page.locator("#sources")
    expect(sources).to_contain_text("<script>window.__pwned=1</script>")  # shown as text
    sources.locator("details.rag-context summary").first.click()
    page.wait_for_timeout(500)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.dialogs == []
    assert page.locator("#chat script, #sources script, #sources img, #chat img").count() == 0


def test_narrow_screen_and_documents_tab(page):
    page.set_viewport_size({"width": 390, "height": 844})
    answer = ask(page, "区委副书记、区长是谁？")
    expect(answer).to_contain_text("周海鹰")
    answer.scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "chat-390x844.png"))
    page.locator("#sources h3").first.evaluate("el => el.scrollIntoView({block: 'start'})")
    page.screenshot(path=str(SHOTS / "sources-390x844.png"))
    # No sideways scrolling on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390 + 1

    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("tab", name="Documents").click()
    table = page.locator("#docs")
    expect(table).to_contain_text("000_9bdda8ea7fd70666.txt")
    expect(table).to_contain_text("zh")
    page.screenshot(path=str(SHOTS / "documents-1280x900.png"))
