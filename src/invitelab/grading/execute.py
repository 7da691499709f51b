"""Run students' code answers, each submission in its own kernel, with a time limit, in parallel.

Only the student's code cells run (in a fresh notebook built from their sources; their outputs
and metadata are ignored), in a kernel started in a temporary work folder of its own. A last cell
appended by the grader prints a description of the answer variables as JSON (types and values:
data, not verdicts): no grading logic runs in the student's kernel, and nothing the student's
code does can reach the grader's process except that one line, which is parsed as data.
Outputs are not kept (only errors and the export line), so a flood of output costs nothing.
"""
from __future__ import annotations

import asyncio
import atexit
import contextlib
import json
import os
import secrets
import shutil
import sys
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

EXPORT_LIMIT = 200_000  # characters of the export line we accept


@dataclass
class Run:
    status: str = "ok"  # "ok", "timeout", "error"
    values: dict = field(default_factory=dict)
    message: str = ""
    errors: list[str] = field(default_factory=list)


EXPORT_CELL = r'''
def _invitelab_export(names, marker):
    import json, math, sys
    def plain(v):
        try:
            f = float(v)
            return f if math.isfinite(f) else None
        except Exception:
            return str(v)[:200]
    def describe(v):
        kind = type(v).__name__
        if hasattr(v, "get_title") and hasattr(v, "patches"):
            return {"type": "Axes", "title": str(v.get_title())[:500], "bars": len(v.patches),
                    "ylabel": str(v.get_ylabel())[:200]}
        if kind == "Series" or isinstance(v, dict):
            items = list(v.items())[:100]
            return {"type": kind, "data": {str(k)[:100]: plain(x) for k, x in items}}
        return {"type": kind, "repr": repr(v)[:300]}
    g = sys.modules["__main__"].__dict__
    out = {}
    for name in names:
        try:
            out[name] = describe(g[name]) if name in g else {"missing": True}
        except Exception as error:
            out[name] = {"type": "unreadable", "repr": type(error).__name__}
    sys.stdout.write(marker + json.dumps(out) + "\n")
    sys.stdout.flush()
_invitelab_export(NAMES, MARKER)
'''


def _client_class():
    from nbclient import NotebookClient

    class QuietClient(NotebookClient):
        """Keeps only errors and the grader's export line; drops every other output."""

        def output(self, outs, msg, display_id, cell_index):
            kind = msg["msg_type"]
            if kind == "error":
                content = msg["content"]
                self.errors.append(f"cell {cell_index + 1} raised {str(content.get('ename', ''))[:80]}: "
                                   f"{str(content.get('evalue', ''))[:160]}")
            elif kind == "stream" and cell_index == len(self.nb.cells) - 1:
                text = msg["content"].get("text", "")
                if len(self.export) < EXPORT_LIMIT:
                    self.export += text[:EXPORT_LIMIT]
            return None

    return QuietClient


def _kernel_env(workdir: str) -> dict:
    """The grader's environment, with this very copy of invitelab first on the path (absolute)."""
    import invitelab

    package_parent = str(Path(invitelab.__file__).resolve().parents[1])
    paths = [package_parent] + [str(Path(p).resolve()) for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    return dict(os.environ, PYTHONPATH=os.pathsep.join(dict.fromkeys(paths)), MPLBACKEND="Agg",
                PYTHONDONTWRITEBYTECODE="1", INVITELAB_DATA=str(_data_dir()))


def _data_dir():
    from invitelab import kitdata

    return kitdata.data_dir().resolve()


async def _run_one(code_cells: list[str], names: list[str], timeout: float, kernel_name: str,
                   workdirs: list | None = None, clients: list | None = None) -> Run:
    import nbformat
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    marker = "INVITELAB-EXPORT-" + secrets.token_hex(8) + ":"
    export = EXPORT_CELL.replace("NAMES", json.dumps(names)).replace("MARKER", json.dumps(marker))
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(src) for src in code_cells] + [nbformat.v4.new_code_cell(export)]
    workdir = tempfile.mkdtemp(prefix="invitelab-grade-")
    if workdirs is not None:
        workdirs.append(workdir)  # removed by run_code too, should this task be cancelled
    deadline = time.monotonic() + timeout
    client = _client_class()(
        nb, timeout=int(timeout), allow_errors=True, kernel_name=kernel_name, record_timing=False,
        resources={"metadata": {"path": workdir}}, startup_timeout=60, shutdown_kernel="immediate",
        timeout_func=lambda cell: max(1, int(deadline - time.monotonic() + 0.999)),
    )
    client.errors, client.export = [], ""
    if clients is not None:
        clients.append(client)
    run = Run()
    try:
        await client.async_execute(env=_kernel_env(workdir), cwd=workdir, stderr=subprocess.DEVNULL,
                                   stdout=subprocess.DEVNULL)
    except CellTimeoutError:
        run.status, run.message = "timeout", f"the code ran longer than the {timeout:g}-second limit (an endless loop?)"
    except DeadKernelError:
        run.status, run.message = "error", "the student's code stopped its kernel (it exited or ran out of memory)"
    except Exception as error:  # a kernel that fails to start, a broken connection ...
        run.status, run.message = "error", f"the code could not run ({type(error).__name__}: {str(error)[:160]})"
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    run.errors = client.errors[:5]
    line = next((ln for ln in reversed(client.export.splitlines()) if ln.startswith(marker)), None)
    if line is not None:
        try:
            values = json.loads(line[len(marker):])
            run.values = values if isinstance(values, dict) else {}
        except json.JSONDecodeError:
            run.values = {}
    elif run.status == "ok":
        run.status, run.message = "error", "the grader could not read the answers back from the kernel"
    return run


async def _run_all(jobs: dict, names, timeout, parallel, kernel_name, control: dict) -> dict:
    gate = asyncio.Semaphore(max(1, parallel))

    async def guarded(key, cells):
        async with gate:
            if control["stop"]:
                return key, None
            return key, await _run_one(cells, names, timeout, kernel_name, control["workdirs"], control["clients"])

    control["tasks"] = tasks = [asyncio.ensure_future(guarded(k, c)) for k, c in jobs.items()]
    pairs = await asyncio.gather(*tasks, return_exceptions=True)
    out = {}
    for key, pair in zip(jobs, pairs):
        out[key] = pair[1] if isinstance(pair, tuple) else Run("error", message=f"the code could not run ({type(pair).__name__})")
    return out


def run_code(jobs: dict, names: list[str], timeout: float = 30, parallel: int = 2,
             kernel_name: str = "python3") -> dict[str, Run]:
    """Run each job's code cells in its own kernel; return key -> Run.

    The kernels are driven from a worker thread's event loop, so Ctrl-C reaches this (main) thread:
    it stops new kernels, cancels the running ones (which shut down) and raises KeyboardInterrupt,
    before anything is written.
    """
    if not jobs:
        return {}
    loop = asyncio.new_event_loop()
    control: dict = {"stop": False, "tasks": [], "workdirs": [], "clients": []}
    result: dict = {}
    failure: list = []

    def worker():
        asyncio.set_event_loop(loop)
        try:
            result.update(loop.run_until_complete(_run_all(jobs, names, timeout, parallel, kernel_name, control)))
        except BaseException as error:  # reported in the main thread
            failure.append(error)
        finally:
            loop.close()

    def stop():
        control["stop"] = True
        loop.set_exception_handler(lambda _loop, _context: None)  # quiet: nbclient's polls die with the loop
        for task in control["tasks"]:
            task.cancel()

    thread = threading.Thread(target=worker, name="invitelab-kernels", daemon=True)
    thread.start()
    try:
        while thread.is_alive():
            thread.join(0.2)
    except KeyboardInterrupt:
        with contextlib.suppress(RuntimeError):
            loop.call_soon_threadsafe(stop)
        thread.join(30)
        # Cancelled kernel managers are collected later, some at interpreter exit, and their __del__
        # then complains that the loop is closed ("Exception ignored in ..."): the kernels are already
        # shut down, so that noise is not for the instructor.
        sys.unraisablehook = lambda _unraisable: None
        # A kernel cancelled while starting leaves nbclient's exit-time clean-up registered; run at
        # interpreter exit it can block in zmq's context.term() or abort the exit. The kernels stop
        # with their parent (ipykernel watches it), so drop those hooks.
        for client in control["clients"]:
            atexit.unregister(client._cleanup_kernel)
            connection_file = getattr(getattr(client, "km", None), "connection_file", "")
            if connection_file:
                with contextlib.suppress(OSError):
                    os.remove(connection_file)
        raise
    finally:
        for workdir in control["workdirs"]:
            shutil.rmtree(workdir, ignore_errors=True)
    if failure:
        raise failure[0]
    return result
