"""`thanklint serve`: the JSON endpoint is the `--format json` report, and the server refuses
what a local page must refuse (foreign hosts and origins, oversized bodies)."""

from __future__ import annotations

import json
import socket
import urllib.error
import urllib.request
from pathlib import Path

import jsonschema
import pytest
from starlette.testclient import TestClient

from conftest import ROOT, run_cli
from thanklint.api import Session
from thanklint.web.app import MAX_BODY, Checker, create_app
from thanklint.web.guard import host_names
from thanklint.web.server import is_loopback, spawn

SCHEMA = json.loads((ROOT / "src" / "thanklint" / "data" / "report.schema.json").read_text())
PORT = 8765
OWN = f"http://127.0.0.1:{PORT}"
BAD_DRAFT = "hey,\n\nthanks for the interview. i think i would be great for the job!!\n\ncheers\n"


@pytest.fixture(scope="module")
def client():
    app = create_app(Checker(Session()), host_names("127.0.0.1"), PORT)
    with TestClient(app, base_url=OWN) as test_client:
        yield test_client


def check(client, text: str, fmt: str = "md", metadata: dict | None = None, **headers):
    return client.post("/api/check", json={"text": text, "format": fmt, "metadata": metadata or {}}, headers=headers)


def test_good_draft_is_clean_and_follows_the_schema(client):
    text = (ROOT / "fixtures" / "drafts" / "good-nurse.txt").read_text()
    response = check(client, text, "txt")
    assert response.status_code == 200 and response.headers["cache-control"] == "no-store"
    report = response.json()
    jsonschema.validate(report, SCHEMA)
    draft = report["files"][0]
    assert draft["path"] == "draft.txt" and draft["error"] is None
    assert not [f for f in draft["findings"] if f["severity"] != "suggestion"]
    assert {q: item["status"] for q, item in draft["checklist"].items() if q != "timing"} == dict.fromkeys(
        ("personalization", "gratitude", "qualifications", "reflection", "interest", "questions", "tone"), "present"
    )


def test_bad_draft_report_is_exactly_the_command_lines(client, tmp_path):
    (tmp_path / "draft.md").write_text(BAD_DRAFT)
    cli = run_cli("check", "--format", "json", "draft.md", cwd=tmp_path)
    served = check(client, BAD_DRAFT).json()
    assert served == json.loads(cli.stdout)
    lowercase = next(f for f in served["files"][0]["findings"] if f["rule_id"] == "proofreading.lowercase-i")
    assert BAD_DRAFT[lowercase["start"] : lowercase["end"]] == "i" and lowercase["fix"] == {
        "replacement": "I",
        "safe": True,
        "edits": [{"start": lowercase["start"], "end": lowercase["end"], "replacement": "I"}],
    }


def test_positions_count_code_points(client):
    text = "Hi Dana 👋,\n\nThanks for the chat. i enjoyed it.\n"
    finding = next(
        f for f in check(client, text).json()["files"][0]["findings"] if f["rule_id"] == "proofreading.lowercase-i"
    )
    assert text[finding["start"] : finding["end"]] == "i"  # Python indexes code points, as the report does


def test_form_metadata_is_checked_against_the_draft(client):
    text = "Hi Priya,\n\nThank you for your time today.\n\nBest,\nSam\n"
    findings = check(
        client,
        text,
        metadata={"recipient": "Dana Whitfield", "interviewed_at": "2026-11-24T15:00", "sent_at": "2026-11-27T09:00"},
    ).json()["files"][0]["findings"]
    assert {"personalization.wrong-recipient", "timing.late-thank-you"} <= {f["rule_id"] for f in findings}


@pytest.mark.parametrize(
    ("metadata", "named"),
    [
        ({"recipent": "Dana"}, "unknown metadata key 'recipent' (did you mean 'recipient'?)"),
        ({"interviewed_at": "last Tuesday"}, "metadata key 'interviewed_at': not an ISO 8601 date"),
        ({"kind": "apology"}, "metadata key 'kind': expected one of thank-you, follow-up"),
    ],
)
def test_bad_form_metadata_is_a_file_error_naming_the_key(client, metadata, named):
    report = check(client, "Hi Dana,\n\nThank you.\n", metadata=metadata).json()
    jsonschema.validate(report, SCHEMA)
    error = report["files"][0]["error"]
    assert (
        error["code"] == "metadata"
        and error["message"].startswith("draft.md: interview form: ")
        and named in error["message"]
    )
    assert report["summary"]["errors"] == 1


def test_bad_front_matter_gets_the_command_lines_message(client, tmp_path):
    text = "---\nrecipient: Dana\nHi Dana,\n\nThank you.\n"
    (tmp_path / "draft.md").write_text(text)
    cli = json.loads(run_cli("check", "--format", "json", "draft.md", cwd=tmp_path).stdout)
    assert check(client, text).json()["files"][0]["error"] == cli["files"][0]["error"] != None  # noqa: E711


def test_empty_draft_is_an_input_error(client):
    assert check(client, "  \n").json()["files"][0]["error"]["code"] == "empty"


def test_oversized_body_is_refused(client):
    response = check(client, "Thank you. " * (MAX_BODY // 10))
    assert response.status_code == 413
    body = json.dumps({"text": "Thank you. " * (MAX_BODY // 10)}).encode()
    chunks = (body[i : i + 4096] for i in range(0, len(body), 4096))  # no Content-Length: counted as it arrives
    streamed = client.post("/api/check", content=chunks, headers={"Content-Type": "application/json"})
    assert streamed.status_code == 413


@pytest.mark.parametrize(
    ("headers", "reason"),
    [
        ({"Host": "attacker.example:8765"}, "not as this server's own address"),  # DNS rebinding
        ({"Host": "127.0.0.1:9999"}, "not as this server's own address"),
        ({"Origin": "http://attacker.example"}, "a request from another site"),  # cross-site
        ({"Origin": "null"}, "a request from another site"),
        ({"Origin": "http://localhost:9999"}, "a request from another site"),
    ],
)
def test_foreign_host_and_origin_are_refused(client, headers, reason):
    for response in (check(client, "Hi Dana,\n\nThank you.\n", **headers), client.get("/", headers=headers)):
        assert response.status_code == 403 and reason in response.text


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_own_names_and_origin_are_served(client, host):
    response = check(client, "Hi Dana,\n\nThank you.\n", Host=f"{host}:{PORT}", Origin=f"http://{host}:{PORT}")
    assert response.status_code == 200 and response.json()["files"][0]["error"] is None


def test_malformed_requests_get_a_clear_message(client):
    assert (
        client.post(
            "/api/check", content="text=hi", headers={"Content-Type": "application/x-www-form-urlencoded"}
        ).status_code
        == 415
    )
    bad_json = client.post("/api/check", content="{", headers={"Content-Type": "application/json"})
    assert bad_json.status_code == 400 and "not valid JSON" in bad_json.json()["error"]
    assert "expected" in client.post("/api/check", json={"draft": "hi"}).json()["error"]
    assert "unknown format 'docx'" in check(client, "hi", fmt="docx").json()["error"]
    assert client.get("/api/check").status_code == 405


def test_explain_is_the_command_lines_page(client):
    response = client.get("/api/explain/gratitude.thanks-late")
    assert response.status_code == 200
    assert response.text == run_cli("explain", "gratitude.thanks-late").stdout
    missing = client.get("/api/explain/gratitude.nope")
    assert missing.status_code == 404 and "unknown rule 'gratitude.nope'" in missing.json()["error"]


def test_the_page_loads_nothing_from_elsewhere(client):
    static = Path(__file__).resolve().parent.parent / "src" / "thanklint" / "web" / "static"
    for name, route in (("index.html", "/"), ("app.js", "/app.js"), ("style.css", "/style.css")):
        response = client.get(route)
        assert response.status_code == 200 and response.content == (static / name).read_bytes()
        assert "default-src 'none'" in response.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
        assert "http:" not in response.text and "https:" not in response.text and "@import" not in response.text
    assert client.get("/static/../../pyproject.toml").status_code == 404


def test_serve_over_http_from_the_command_line():
    process, url = spawn()
    try:
        assert url.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(url) as page:
            assert b"<textarea" in page.read()
        foreign = urllib.request.Request(url, headers={"Host": "attacker.example"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(foreign)
        assert refused.value.code == 403
    finally:
        process.terminate()
        process.wait()


def test_port_in_use_is_a_clear_error():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = run_cli("serve", "--no-browser", "--port", str(port))
    assert result.returncode == 2
    assert f"cannot serve on 127.0.0.1:{port}" in result.stderr and "--port 0" in result.stderr


@pytest.mark.parametrize(
    ("host", "local"),
    [
        ("127.0.0.1", True),
        ("localhost", True),
        ("::1", True),
        ("127.0.0.2", True),
        ("0.0.0.0", False),
        ("192.168.1.20", False),
        ("notes.example", False),
    ],
)
def test_only_loopback_addresses_are_local(host, local):
    assert is_loopback(host) is local


def test_another_address_is_warned_about():
    result = run_cli(
        "serve", "--no-browser", "--port", "0", "--host", "192.0.2.1"
    )  # a documentation address: never ours
    assert "warning: serving on 192.0.2.1" in result.stderr and "no password" in result.stderr
    assert result.returncode == 2 and "cannot serve on 192.0.2.1:0" in result.stderr


def test_a_broken_configuration_is_named_as_on_the_command_line(tmp_path, monkeypatch):
    (tmp_path / ".thanklint.yaml").write_text("selct: [tone]\n")
    (tmp_path / "draft.md").write_text(BAD_DRAFT)
    cli = json.loads(run_cli("check", "--format", "json", "draft.md", cwd=tmp_path).stdout)
    monkeypatch.chdir(tmp_path)
    app = create_app(Checker(Session()), host_names("127.0.0.1"), PORT)
    with TestClient(app, base_url=OWN) as local:
        served = check(local, BAD_DRAFT).json()
        assert (
            served["files"][0]["error"] == cli["files"][0]["error"] and served["files"][0]["error"]["code"] == "config"
        )
        explained = local.get("/api/explain/tone.emoji")
        assert explained.status_code == 500 and "unknown key 'selct'" in explained.json()["error"]
