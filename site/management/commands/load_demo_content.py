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
from wagtail.users.models import UserProfile

from website import demo_content
from website.demo import ensure_page, publish
from website.models import (
    GuidancePage,
    HomePage,
    HomePageAudienceEntry,
    SafetySettings,
    SearchSynonym,
)


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
        self.ensure_search_synonyms()
        self.ensure_users()
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))

    # --- Pages ------------------------------------------------------------------------

    def ensure_home(self):
        texts = {
            language: {key: page[key] for key in ("title", "slug", "intro")}
            for language, page in demo_content.HOME.items()
        }
        root = Page.get_first_root_node()
        home = ensure_page(root, HomePage, {"pt": texts["pt"]}, self.english)
        # Wagtail's "Welcome" page goes first: the English home page takes its slug.
        self.point_default_site_at(home)
        return ensure_page(root, HomePage, texts, self.english)

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

    def ensure_search_synonyms(self):
        locales = {"pt": self.portuguese, "en": self.english}
        for language, synonyms in demo_content.SEARCH_SYNONYMS.items():
            for term, means in synonyms:
                SearchSynonym.objects.get_or_create(
                    locale=locales[language], term=term, defaults={"means": means}
                )

    def ensure_guidance(self, home, key):
        texts = demo_content.GUIDANCE[key]
        return ensure_page(home, GuidancePage, texts, self.english, show_in_menus=key != "about")

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
