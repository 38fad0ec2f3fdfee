"""The package list in pyproject.toml matches the folders on disk, so none is forgotten."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def python_packages_on_disk():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    found = set()
    for package, folder in config["package-dir"].items():
        base = ROOT / folder
        for init in base.rglob("__init__.py"):
            relative = init.parent.relative_to(base)
            found.add(".".join([package, *relative.parts]))
    return config, found


def test_every_package_on_disk_is_listed():
    config, on_disk = python_packages_on_disk()
    data_packages = {"website.locale"}
    assert set(config["packages"]) - data_packages == on_disk


def test_every_mapped_folder_exists():
    config, _ = python_packages_on_disk()
    for folder in config["package-dir"].values():
        assert (ROOT / folder).is_dir(), folder


def test_templates_and_static_are_package_data():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    assert "templates/**/*" in config["package-data"]["website"]
    assert "static/**/*" in config["package-data"]["website"]
    assert (ROOT / "site" / "templates" / "base.html").exists()
    assert (ROOT / "locale" / "pt" / "LC_MESSAGES" / "django.po").exists()
