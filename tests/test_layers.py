"""The rules of the house, as contracts: which wing may import which, followed through every import chain.

Read from the source with `ast` (nothing is imported or run): an import anywhere in a module counts, inside a
function or under `if TYPE_CHECKING:` too, and importing `a.b.c` also runs `a` and `a.b`, so those count as well.
"""

import ast
from collections import deque
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
OWN_PACKAGES = ("bot", "calc")
# Libraries the engine must never touch: it is pure (no Slack, no HTTP, no database, no environment).
IMPURE_LIBRARIES = ("slack_bolt", "slack_sdk", "aiohttp", "sqlalchemy", "alembic", "dotenv", "pydantic_settings")
ENVIRONMENT = ("os.environ", "os.getenv", "os.putenv")


@dataclass(frozen=True)
class Contract:
    """No module under any of `importers` reaches a module under any of `forbidden`, directly or through others."""

    importers: tuple[str, ...]
    forbidden: tuple[str, ...]


CONTRACTS = [
    Contract(("calc",), ("bot", *IMPURE_LIBRARIES)),
    Contract(("bot.text", "bot.wording", "bot.render"), ("bot.slack", "bot.web", "bot.store")),
    Contract(("bot.store",), ("bot.slack",)),
]


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _with_parents(name: str) -> list[str]:
    """`a.b.c` runs `a`, `a.b` and `a.b.c`."""
    parts = name.split(".")
    return [".".join(parts[: i + 1]) for i in range(len(parts))]


def imports_of(source: str, module: str, is_package: bool) -> set[str]:
    """Every module name `source` imports (absolute; `from x import y` counts x and x.y, one of which is a module)."""
    package = module if is_package else module.rpartition(".")[0]
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                names.update(_with_parents(alias.name))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                origin = ".".join([*base, node.module] if node.module else base)
            else:
                origin = node.module or ""
            names.update(_with_parents(origin))
            names.update(f"{origin}.{alias.name}" for alias in node.names if alias.name != "*")
    return names


def environment_uses(source: str) -> set[str]:
    """`os.environ`, `os.getenv`, ... as attributes or as `from os import environ`."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            dotted = f"{node.value.id}.{node.attr}"
            if dotted in ENVIRONMENT:
                found.add(dotted)
        elif isinstance(node, ast.ImportFrom) and node.module == "os":
            found.update(f"os.{alias.name}" for alias in node.names if f"os.{alias.name}" in ENVIRONMENT)
    return found


@dataclass
class Tree:
    """The modules of our own packages under `root` and what each imports."""

    imports: dict[str, set[str]]
    sources: dict[str, str]

    @classmethod
    def read(cls, root: Path, packages: tuple[str, ...] = OWN_PACKAGES) -> "Tree":
        sources: dict[str, str] = {}
        packages_found: set[str] = set()
        for package in packages:
            for path in sorted((root / package).rglob("*.py")):
                name = module_name(path, root)
                sources[name] = path.read_text(encoding="utf-8")
                if path.name == "__init__.py":
                    packages_found.add(name)
        # Of our own names keep the modules (`from bot.x import Thing` names bot.x.Thing, a class, not a module).
        imports = {
            name: {
                imported
                for imported in imports_of(source, name, name in packages_found)
                if imported in sources or not under(imported, packages)
            }
            for name, source in sources.items()
        }
        return cls(imports=imports, sources=sources)

    def chain(self, start: str, forbidden: tuple[str, ...]) -> list[str] | None:
        """The shortest import chain from `start` to a forbidden module, or None: followed through our own
        modules only (a library's own imports are its business)."""
        previous: dict[str, str | None] = {start: None}
        queue = deque([start])
        while queue:
            current = queue.popleft()
            # The most specific name first, so a chain ends at the module, not at its package.
            for imported in sorted(self.imports.get(current, ()), key=lambda name: (-name.count("."), name)):
                if imported in previous:
                    continue
                previous[imported] = current
                if under(imported, forbidden):
                    path = [imported]
                    while (step := previous[path[-1]]) is not None:
                        path.append(step)
                    return path[::-1]
                if imported in self.imports:
                    queue.append(imported)
        return None

    def violations(self, contract: Contract) -> list[str]:
        return [
            " -> ".join(chain)
            for module in sorted(self.imports)
            if under(module, contract.importers) and (chain := self.chain(module, contract.forbidden))
        ]


def under(module: str, prefixes: tuple[str, ...]) -> bool:
    return any(module == prefix or module.startswith(f"{prefix}.") for prefix in prefixes)


@pytest.fixture(scope="module")
def tree() -> Tree:
    return Tree.read(ROOT)


def test_the_tree_is_read(tree: Tree) -> None:
    # A contract over an empty or half-read tree would pass for nothing.
    assert {"calc", "calc.train", "bot.answer", "bot.slack.app", "bot.wording.i18n", "bot.store.database"} <= set(
        tree.imports
    )
    assert "calc.results" in tree.imports["calc.train"]


@pytest.mark.parametrize("contract", CONTRACTS, ids=lambda c: f"{'+'.join(c.importers)}-not-{c.forbidden[0]}")
def test_contract(tree: Tree, contract: Contract) -> None:
    broken = tree.violations(contract)
    assert not broken, (
        f"{', '.join(contract.importers)} must not import {', '.join(contract.forbidden)}:\n" + "\n".join(broken)
    )


def test_the_engine_never_reads_the_environment(tree: Tree) -> None:
    uses = {module: environment_uses(source) for module, source in tree.sources.items() if under(module, ("calc",))}
    readers = {module: sorted(found) for module, found in uses.items() if found}
    assert not readers, f"calc is pure, the process's configuration is bot.config's: {readers}"


# The checker itself, on a tiny tree: each contract above must be able to fail.


def write_tree(root: Path, files: dict[str, str]) -> None:
    for relative, source in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")


def test_a_chain_through_other_modules_is_found_and_named(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "calc/__init__.py": "",
            "calc/engine.py": "from . import units\n",
            "calc/units.py": "def f():\n    from bot.wording import numbers\n",
            "bot/__init__.py": "",
            "bot/wording/__init__.py": "",
            "bot/wording/numbers.py": "import math\n",
        },
    )
    fake = Tree.read(tmp_path)
    assert fake.violations(Contract(("calc",), ("bot",))) == [
        "calc.engine -> calc.units -> bot.wording.numbers",
        "calc.units -> bot.wording.numbers",
    ]
    assert fake.violations(Contract(("calc",), ("sqlalchemy",))) == []


def test_a_library_reached_through_a_wing_is_found(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "bot/__init__.py": "",
            "bot/render/__init__.py": "",
            "bot/render/blocks.py": "from bot.team.records import Setting\n",
            "bot/team/__init__.py": "",
            "bot/team/records.py": "from ..store import database\n",
            "bot/store/__init__.py": "",
            "bot/store/database.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import sqlalchemy.orm\n",
        },
    )
    fake = Tree.read(tmp_path, ("bot",))
    assert fake.violations(Contract(("bot.render",), ("bot.store",))) == [
        "bot.render.blocks -> bot.team.records -> bot.store.database"
    ]
    assert fake.violations(Contract(("bot.team",), ("sqlalchemy",))) == [
        "bot.team.records -> bot.store.database -> sqlalchemy.orm"
    ]


def test_reading_the_environment_is_found() -> None:
    assert environment_uses("import os\nurl = os.environ['X']\n") == {"os.environ"}
    assert environment_uses("from os import getenv\n") == {"os.getenv"}
    assert environment_uses("import os\npath = os.path.join('a')\n") == set()
