"""Create the bilingual demo site. Running it again changes nothing.

Pages that already exist (found by slug under their parent, per language) are left as
they are, so an editor's changes to the demo are never overwritten.
"""

import importlib.util
from importlib import import_module

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText
from wagtail.users.models import UserProfile

from website import demo_content
from website.demo_tools import ensure_translation, publish
from website.models import GuidancePage, HomePage, HomePageAudienceEntry, SafetySettings
from website.sanitize import clean_rich_text


def build_body(blocks):
    """Turn the demo's (type, value) pairs into StreamField data with cleaned rich text."""
    body = []
    for block_type, value in blocks:
        if block_type == "text":
            value = RichText(clean_rich_text(value))
        elif isinstance(value, dict):
            value = {
                key: RichText(clean_rich_text(item)) if key in {"text", "answer"} else item
                for key, item in value.items()
            }
        body.append((block_type, value))
    return body


class Command(BaseCommand):
    help = "Create the bilingual demo pages and demo logins. Safe to run more than once."

    @transaction.atomic
    def handle(self, *args, **options):
        self.portuguese = Locale.objects.get(language_code="pt")
        self.english, _ = Locale.objects.get_or_create(language_code="en")
        home = self.ensure_home()
        guidance = {key: self.ensure_guidance(home, key) for key in demo_content.GUIDANCE}
        self.ensure_audience_entries(home, guidance)
        SafetySettings.for_site(Site.objects.get(is_default_site=True))
        self.load_app_demos(home)
        self.ensure_users()
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))

    # --- Pages ------------------------------------------------------------------------

    def ensure_home(self):
        root = Page.get_first_root_node()
        texts = demo_content.HOME["pt"]
        home = HomePage.objects.filter(locale=self.portuguese, depth=2).first()
        if home is None:
            home = HomePage(title=texts["title"], slug=texts["slug"], intro=texts["intro"])
            root.add_child(instance=home)
            publish(home)
        self.point_default_site_at(home)
        self.ensure_translation(
            home, demo_content.HOME["en"], intro=demo_content.HOME["en"]["intro"]
        )
        return home

    def point_default_site_at(self, home):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
            return
        if site.root_page_id != home.pk:
            placeholder = site.root_page
            site.root_page = home
            site.save()
            # Wagtail's "Welcome" page has nothing to offer once the home page exists.
            if placeholder.specific_class is Page and not placeholder.get_children().exists():
                placeholder.delete()

    def ensure_guidance(self, home, key):
        texts = demo_content.GUIDANCE[key]["pt"]
        page = GuidancePage.objects.child_of(home).filter(slug=texts["slug"]).first()
        if page is None:
            page = GuidancePage(
                title=texts["title"],
                slug=texts["slug"],
                intro=texts["intro"],
                body=build_body(texts["body"]),
                show_in_menus=key != "about",
            )
            home.add_child(instance=page)
            publish(page)
        english = demo_content.GUIDANCE[key]["en"]
        self.ensure_translation(
            page, english, intro=english["intro"], body=build_body(english["body"])
        )
        return page

    def ensure_translation(self, page, texts, **fields):
        fields = {"title": texts["title"], "slug": texts["slug"], **fields}
        return ensure_translation(page, self.english, fields)

    def ensure_audience_entries(self, home, guidance):
        for language, page in (("pt", home), ("en", home.get_translation(self.english))):
            page = page.specific
            if page.audience_entries.exists():
                continue
            for audience, heading, summary in demo_content.HOME[language]["audiences"]:
                target = guidance[demo_content.AUDIENCE_PAGES[audience]]
                page.audience_entries.add(
                    HomePageAudienceEntry(
                        audience=audience, heading=heading, summary=summary, link_page=target
                    )
                )
            publish(page)

    def load_app_demos(self, home):
        """Each app may ship a `demo` module with `load(home, english, stdout)`.

        `website` is the base and never imports the apps built on it; it finds them.
        """
        for app_config in apps.get_app_configs():
            module_name = f"{app_config.name}.demo"
            if app_config.name == "website" or not importlib.util.find_spec(module_name):
                continue
            import_module(module_name).load(home=home, english=self.english, stdout=self.stdout)

    # --- Logins -----------------------------------------------------------------------

    def ensure_users(self):
        User = get_user_model()
        self.stdout.write("Demo logins (demo only, change them anywhere real):")
        for username, password, group, is_superuser, language in demo_content.DEMO_USERS:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "email": f"{username}@example.org",
                    "is_staff": True,
                    "is_superuser": is_superuser,
                },
            )
            if created:
                user.set_password(password)
                user.save()
                profile = UserProfile.get_for_user(user)
                profile.preferred_language = language
                profile.save()
            if group:
                user.groups.add(Group.objects.get(name=group))
            self.stdout.write(f"  {username} / {password}")
