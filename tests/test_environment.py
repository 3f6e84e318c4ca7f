"""pyproject.toml and environment.yml describe the same dependencies."""

import re
import tomllib

from analysis import paths

_NAME = re.compile(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$")


def _split(spec: str) -> tuple[str, str]:
    name, rest = _NAME.match(spec).groups()
    return name.lower().replace("_", "-"), rest.replace(" ", "")


def _pyproject() -> dict[str, str]:
    data = tomllib.loads((paths.ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    project = data["project"]
    specs = list(project["dependencies"])
    for group in project["optional-dependencies"].values():
        specs += group
    return dict(_split(s) for s in specs)


def _conda() -> dict[str, str]:
    deps = {}
    text = (paths.ROOT / "environment.yml").read_text(encoding="utf-8")
    for line in text.split("dependencies:", 1)[1].splitlines():
        m = re.match(r"^  - ([^:#]+)$", line)
        if m:
            name, rest = _split(m.group(1).strip())
            if name not in ("python", "pip"):
                deps[name] = rest
    return deps


def test_same_packages_and_bounds():
    assert _pyproject() == _conda()


def test_core_packages_present():
    deps = _pyproject()
    for name in ("jupyterlab", "pandas", "matplotlib", "arabic-reshaper", "python-bidi", "nbval"):
        assert name in deps
