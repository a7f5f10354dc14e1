"""The README's Python example runs as written (over a copy of seeds/)."""

from __future__ import annotations

import re
import shutil

from conftest import ROOT, SEEDS


def test_readme_python_example_runs(tmp_path, monkeypatch, capsys):
    readme = (ROOT / "README.md").read_text("utf-8")
    (code,) = re.findall(r"```python\n(.*?)```", readme, re.S)
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "README.md", "exec"), {})
    out = capsys.readouterr().out.splitlines()
    assert out and re.match(r"1 辽宁日报-2022-01-12-[0-9a-f]{6} ", out[0])
