from website.sanitize import clean_rich_text, linkify_plain_text


def test_clean_rich_text_keeps_structure_and_drops_scripts():
    html = clean_rich_text(
        '<h2>Title</h2><p onclick="x()">Hi <a href="javascript:alert(1)">x</a>'
        '<a href="https://example.org/">ok</a><script>alert(1)</script></p>'
    )
    assert "<h2>Title</h2>" in html
    assert "onclick" not in html and "javascript:" not in html and "<script" not in html
    assert '<a href="https://example.org/">ok</a>' in html


def test_linkify_makes_only_https_links_with_nofollow():
    html = linkify_plain_text("See https://example.org/help and http://insecure.example <b>")
    assert '<a href="https://example.org/help" rel="nofollow noopener">' in html
    assert 'href="http://insecure.example' not in html
    assert "&lt;b&gt;" in html
