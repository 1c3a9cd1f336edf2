"""pyproject.toml, requirements/lock.txt and environment.yml describe one environment."""

from __future__ import annotations

import importlib.util
import tomllib

import yaml

from conftest import REPO

spec = importlib.util.spec_from_file_location("envgen", REPO / "requirements" / "environment.py")
envgen = importlib.util.module_from_spec(spec)
spec.loader.exec_module(envgen)


def _pyproject():
    return tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))


def _pins():
    return envgen.locked_versions((REPO / "requirements" / "lock.txt").read_text("utf-8"))


def _environment_pip_entries():
    env = yaml.safe_load((REPO / "environment.yml").read_text("utf-8"))
    pip_sections = [d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d]
    assert len(pip_sections) == 1, "environment.yml must have exactly one pip: section"
    return env, pip_sections[0]


def test_environment_yml_lists_the_same_dependencies_as_pyproject():
    _, entries = _environment_pip_entries()
    listed = {envgen.canonical(e.split("==")[0]) for e in entries if "==" in e}
    assert listed == set(envgen.direct_dependencies(_pyproject()))


def test_environment_yml_pins_the_locked_versions():
    _, entries = _environment_pip_entries()
    pins = _pins()
    for entry in entries:
        if "==" in entry:
            name, version = entry.split("==")
            assert pins[envgen.canonical(name)] == version, f"{name}: environment.yml and lock.txt disagree"


def test_every_direct_dependency_is_locked():
    pins = _pins()
    missing = [n for n in envgen.direct_dependencies(_pyproject()) if n not in pins]
    assert not missing, f"run 'make lock': {missing} are not pinned in requirements/lock.txt"


def test_environment_yml_is_what_the_generator_writes():
    names = envgen.direct_dependencies(_pyproject())
    expected = envgen.render(names, _pins(), "3.11")
    assert (REPO / "environment.yml").read_text("utf-8") == expected, "run 'python requirements/environment.py'"


def test_conda_python_meets_requires_python():
    env, _ = _environment_pip_entries()
    python = next(d for d in env["dependencies"] if isinstance(d, str) and d.startswith("python="))
    assert _pyproject()["project"]["requires-python"] == ">=3.11"
    assert tuple(int(x) for x in python.split("=")[1].split(".")) >= (3, 11)
