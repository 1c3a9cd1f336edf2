"""Lazy package namespaces: a package lists the names an analyst calls, and imports each on first use.

``import diplolib`` then costs almost nothing, and ``import diplolib.topics`` does not load scikit-learn until a
topic function is used (PEP 562 module ``__getattr__``)::

    __getattr__, __dir__ = attach(__name__, {"fit_topics": ".model", "select_k": ".select"})

Private to diplolib.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping

__all__ = ["attach"]


def attach(package: str, names: Mapping[str, str]) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for ``package``: ``names`` maps each public name to the module holding it.

    A name whose module is the name itself (``{"actors": ".actors"}``) is a subpackage or submodule; other names
    are attributes of their module, which must not be named like them (importing a submodule binds its name in
    the package, which would hide the attribute). Relative module names are resolved against ``package``. The
    value is cached in the package's namespace on first use, so later lookups are plain attribute reads.
    """
    names = dict(names)
    clash = [n for n, m in names.items() if m.rsplit(".", 1)[-1] == n and m != f".{n}"]
    if clash:
        raise ValueError(f"{package}: {clash} are named like the module that holds them; rename the module.")

    def __getattr__(name: str) -> object:
        if name not in names:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        module = importlib.import_module(names[name], package)
        submodule = names[name].rsplit(".", 1)[-1] == name
        if submodule and name in vars(module):
            raise ImportError(f"{package}.{name} is both a module and a name in it; rename the module.")
        value = module if submodule else getattr(module, name)
        setattr(sys.modules[package], name, value)
        return value

    def __dir__() -> list[str]:
        return sorted(set(names) | set(vars(sys.modules[package])))

    return __getattr__, __dir__
