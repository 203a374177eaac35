"""The dependency rule between the project's apps, checked by reading every module's imports.

- core/ is the bottom layer: it imports no other project app.
- home/ uses nothing but core/, places/ and regions/; other apps add home-page sections
  through hooks (core/sections.py).
- directory/, stories/, showcase/ and search/ do not import home/.
- Nothing imports showcase/ (everything about consent stays inside it).
- No two apps import each other, directly or round a longer loop.

Migrations are left out: they name whichever models their operations need. Imports anywhere
in a module count, including those inside functions.
"""

import ast
from collections import defaultdict
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
# The project's apps: the installed apps whose package is a folder of this repository.
APPS = sorted(app for app in settings.INSTALLED_APPS if (ROOT / app / "__init__.py").is_file())
# Modules that are not an app but may import one (the project's URLs and settings).
CONFIG = ROOT / "site" / "config"

HOME_MAY_USE = {"core", "places", "regions"}
MAY_NOT_USE_HOME = {"core", "directory", "stories", "showcase", "search"}

# Temporary exceptions, each with the way it goes. A module named here may make only the
# imports listed for it; test_temporary_exceptions_are_still_needed fails once one is gone,
# so the list cannot outlive its reasons.
TEMPORARY = {}


def project_modules():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.relative_to(ROOT).parts:
                yield app, path


def imported_modules(path):
    """Absolute module names imported anywhere in the file (relative imports stay inside
    their own app)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


def cross_app_imports():
    """(importing app, module path relative to the repository, imported app, imported
    module) for every import of another project app, exceptions left out."""
    found = []
    for app, path in project_modules():
        name = path.relative_to(ROOT).as_posix()
        for module in imported_modules(path):
            target = module.split(".")[0]
            if target in APPS and target != app and module not in TEMPORARY.get(name, ()):
                found.append((app, name, target, module))
    return found


def describe(imports):
    return "\n".join(f"  {name} imports {module}" for _app, name, _target, module in imports)


def test_the_apps_are_found():
    assert {"core", "home", "directory", "stories", "showcase", "search"} <= set(APPS)


def test_core_imports_no_other_app():
    wrong = [each for each in cross_app_imports() if each[0] == "core"]
    assert not wrong, f"core/ must not depend on other apps:\n{describe(wrong)}"


def test_shared_layers_import_only_the_layers_below():
    """regions/ stands on core/ alone; places/ on core/ and regions/ (a site's nation comes
    from its region)."""
    below = {"regions": {"core"}, "places": {"core", "regions"}}
    wrong = [
        each for each in cross_app_imports() if each[0] in below and each[2] not in below[each[0]]
    ]
    assert not wrong, f"A shared layer imports an app above it:\n{describe(wrong)}"


def test_directory_imports_none_of_the_apps_that_use_it():
    users = {"stories", "showcase", "home"}
    wrong = [each for each in cross_app_imports() if each[0] == "directory" and each[2] in users]
    assert not wrong, f"directory/ is used by these apps, never the reverse:\n{describe(wrong)}"


def test_home_uses_only_core_places_and_regions():
    wrong = [
        each for each in cross_app_imports() if each[0] == "home" and each[2] not in HOME_MAY_USE
    ]
    assert not wrong, (
        "home/ may use only core/, places/ and regions/; add a home page section through the "
        f"home_page_sections hook (core/sections.py) instead:\n{describe(wrong)}"
    )


def test_other_apps_do_not_import_home():
    wrong = [
        each for each in cross_app_imports() if each[0] in MAY_NOT_USE_HOME and each[2] == "home"
    ]
    assert not wrong, f"No app but home/ itself may import home/:\n{describe(wrong)}"


def test_nothing_imports_showcase():
    wrong = [each for each in cross_app_imports() if each[2] == "showcase"]
    for path in sorted(CONFIG.rglob("*.py")):
        wrong.extend(
            ("config", path.relative_to(ROOT).as_posix(), "showcase", module)
            for module in imported_modules(path)
            if module.split(".")[0] == "showcase"
        )
    assert not wrong, f"Nothing outside showcase/ may import it:\n{describe(wrong)}"


def find_cycle(graph):
    """One cycle in the graph (a list of nodes, first repeated last), or None."""
    visiting, done = set(), set()

    def visit(node, trail):
        visiting.add(node)
        trail.append(node)
        for successor in sorted(graph.get(node, ())):
            if successor in visiting:
                return [*trail[trail.index(successor) :], successor]
            if successor not in done:
                cycle = visit(successor, trail)
                if cycle:
                    return cycle
        visiting.discard(node)
        done.add(node)
        trail.pop()
        return None

    for node in sorted(graph):
        if node not in done:
            cycle = visit(node, [])
            if cycle:
                return cycle
    return None


def test_apps_do_not_depend_on_each_other_in_a_loop():
    graph = defaultdict(set)
    evidence = {}
    for app, name, target, module in cross_app_imports():
        graph[app].add(target)
        evidence.setdefault((app, target), f"{name} imports {module}")
    cycle = find_cycle(graph)
    assert cycle is None, (
        "Apps depend on each other in a loop: "
        + " -> ".join(cycle)
        + "\n"
        + ("\n".join(f"  {evidence[edge]}" for edge in zip(cycle, cycle[1:], strict=False)))
    )


def test_the_cycle_finder_finds_cycles():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) is None


def test_temporary_exceptions_are_still_needed():
    stale = []
    for name, modules in TEMPORARY.items():
        path = ROOT / name
        present = set(imported_modules(path)) if path.is_file() else set()
        stale.extend(f"  {name}: {module}" for module in sorted(modules - present))
    assert not stale, "Remove these from TEMPORARY, they are no longer imported:\n" + "\n".join(
        stale
    )


def test_the_directory_search_does_not_import_the_form_layer():
    """Feeds, reports and an API call the search package with their own validated values, so
    it must not depend on the page's form (``directory/forms.py``) or views."""
    package = ROOT / "directory" / "search"
    wrong = [
        f"  {path.relative_to(ROOT).as_posix()} imports {module}"
        for path in sorted(package.rglob("*.py"))
        for module in imported_modules(path)
        if module in {"directory.forms", "directory.views"}
        or module.startswith(("directory.forms.", "django.forms"))
    ]
    assert not wrong, "directory/search/ must not import the form layer:\n" + "\n".join(wrong)
