"""`chronicle init DIR`: a new archive that builds at once.

The files come from `scaffold/` beside this module, with the title, description, language and
address put in; everything the look needs (templates, styles, scripts) is in the installed
package and applied by the plugin, so none of it is copied.
"""

from __future__ import annotations

import json
import string
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import click

from chronicle.archive.files import write_atomic

SCAFFOLD = Path(__file__).parent / "scaffold"
# Scaffold file → where it goes in the archive (dot names are not shipped as package data well).
TARGETS = {
    "mkdocs.yml": "mkdocs.yml",
    "docs/index.md": "docs/index.md",
    "docs/about.md": "docs/about.md",
    "entities.yml": "entities.yml",
    "sources.yml": "sources.yml",
    "gitignore": ".gitignore",
    "README.md": "README.md",
    "github/workflows/publish.yml": ".github/workflows/publish.yml",
}
DISTRIBUTION = "chronicle-archive"


@dataclass(frozen=True, slots=True)
class Archive:
    title: str
    description: str
    language: str
    site_url: str | None


def requirement() -> str:
    """How the publish workflow installs this Chronicle: the same commit when it was installed
    from a git URL (PEP 610's direct_url.json), else this version by name."""
    try:
        dist = metadata.distribution(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return DISTRIBUTION
    try:
        direct = json.loads(dist.read_text("direct_url.json") or "null")
    except ValueError:
        direct = None
    if isinstance(direct, dict) and isinstance(direct.get("vcs_info"), dict):
        commit = direct["vcs_info"].get("commit_id")
        return f"{DISTRIBUTION} @ git+{direct['url']}" + (f"@{commit}" if commit else "")
    if isinstance(direct, dict):  # a local folder or file: no address the workflow can reach
        return (
            f"# This Chronicle was installed from {direct.get('url', 'a local folder')}: for the\n"
            "# publish workflow, write its git address instead, e.g.\n"
            f"# {DISTRIBUTION} @ git+https://github.com/OWNER/chronicle\n"
            f"{DISTRIBUTION}=={dist.version}"
        )
    return f"{DISTRIBUTION}=={dist.version}"


def _yaml_text(value: str | None) -> str:
    # A JSON string is a YAML double-quoted scalar: any title is safe in mkdocs.yml this way.
    return json.dumps(value, ensure_ascii=False)


def render(archive: Archive) -> dict[str, str]:
    """Each file of the new archive (its path in the archive → its text)."""
    values = {
        "title": archive.title,
        "description": archive.description,
        "site_name": _yaml_text(archive.title),
        "site_description": _yaml_text(archive.description),
        "site_url": _yaml_text(archive.site_url),
        "language": _yaml_text(archive.language),
    }
    files = {
        target: string.Template((SCAFFOLD / name).read_text(encoding="utf-8")).substitute(values)
        for name, target in TARGETS.items()
    }
    files["requirements.txt"] = requirement() + "\n"
    return files


def write_archive(folder: Path, files: dict[str, str]) -> None:
    """Writes the files into `folder`, which must not hold any of them already: an init never
    overwrites a curator's file."""
    taken = [name for name in files if (folder / name).exists()]
    if taken:
        raise click.ClickException(
            f"{folder} already has {', '.join(sorted(taken))}: not overwriting; choose a new folder"
        )
    written: list[Path] = []
    try:
        for name, text in files.items():
            write_atomic(folder / name, text)  # makes the folders it needs
            written.append(folder / name)
        (folder / "docs" / "articles").mkdir(exist_ok=True)
    except OSError:
        for path in written:  # all or nothing: a half-made archive would confuse the next try
            path.unlink(missing_ok=True)
        raise


@click.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--title", required=True, help="The archive's name, shown on every page.")
@click.option(
    "--description",
    default="A curated, dated archive of news reports.",
    show_default=True,
    help="One sentence on what the archive collects (home page and feeds).",
)
@click.option(
    "--language",
    default="en",
    show_default=True,
    help="The site's language (an ISO 639-1 code such as fr): labels and dates.",
)
@click.option(
    "--site-url",
    help="Where the site will be published (https://you.github.io/archive/); on GitHub Pages "
    "the publish workflow sets it.",
)
def init(folder: Path, title: str, description: str, language: str, site_url: str | None) -> None:
    """Start a new archive in FOLDER (made if missing).

    Writes mkdocs.yml, a home page and an about page (docs/), an empty entities.yml and
    sources.yml, a .gitignore, a README for the curator, requirements.txt and a GitHub workflow
    that checks, builds and publishes the site on GitHub Pages. Existing files are never
    overwritten.

    \b
    Example:
      chronicle init class-archive --title "Our class archive" --language fr
      cd class-archive && chronicle add ~/clippings/ && chronicle serve
    """
    title = " ".join(title.split())
    if not title:
        raise click.ClickException("--title is empty")
    language = language.strip().lower()
    if not language.replace("-", "").replace("_", "").isalpha():
        raise click.ClickException(
            f"--language {language!r} is not a language code (en, fr, pt-BR)"
        )
    if site_url is not None and not site_url.startswith(("http://", "https://")):
        raise click.ClickException(f"--site-url {site_url!r} is not an http(s) address")
    if site_url is not None and not site_url.endswith("/"):
        site_url += "/"  # MkDocs joins page addresses to it
    if folder.exists() and not folder.is_dir():
        raise click.ClickException(f"{folder} is a file, not a folder")
    files = render(Archive(title, " ".join(description.split()), language, site_url))
    try:
        write_archive(folder, files)
    except OSError as exc:
        where = exc.filename or folder
        raise click.ClickException(f"cannot write {where}: {exc.strerror or exc}") from None
    click.echo(f"Started the archive '{title}' in {folder}. Next:")
    click.echo(f"  cd {folder}")
    click.echo("  chronicle add FILE-OR-FOLDER     # articles in")
    click.echo("  chronicle serve                  # preview on http://127.0.0.1:8000/")
