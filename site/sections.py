"""Home sections: how a domain shows itself on the home page without `website` knowing it.

A page type that mixes in `HomeSection` can be chosen in a home page's "Sections" inline.
The home page renders each chosen page (in the visitor's language) with the page type's own
small template, so adding a domain never touches `website`. A chosen page whose type is not
a `HomeSection`, or whose app is not installed, is skipped.
"""


class HomeSection:
    """Mix into a Page type that can render itself as a section of the home page."""

    # The section's template: a <section> with its own heading, text and link.
    home_section_template = None

    def home_section_context(self, request):
        """Extra context for the section's template, beside `section` (this page)."""
        return {}


def is_home_section(page):
    return isinstance(page, HomeSection) and bool(page.home_section_template)
