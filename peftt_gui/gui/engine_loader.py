"""Import torch, transformers and peft in a worker thread once the window is on screen.

Importing them takes seconds, so nothing that the window imports may import them
(a test checks ``sys.modules`` after building the window). Pages that need the engine
wait for ``sigEngineReady``.
"""

from __future__ import annotations

import gc
import importlib
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from peftt_gui.gui.worker import Worker

logger = logging.getLogger(__name__)

# peft is imported here too, although only the peft methods use it: its first import holds
# the GIL for about 0.15 s at a time (torch.distributed registers its operators), which would
# stall the window once a run has started. After the first paint, the stall costs nothing.
ENGINE_MODULES = ("torch", "transformers", "peft")
# transformers puts a lazy module in place of its own in sys.modules at the end of its first
# import. A thread that imports it while another thread is inside that first import gets the
# module being replaced, and "from transformers import AutoTokenizer" raises ImportError. So
# every thread imports the engine modules while holding this lock.
ENGINE_IMPORT_LOCK = threading.Lock()
_engine_frozen = False


@dataclass(frozen=True)
class EngineInfo:
    """Versions of the loaded engine libraries and the device that training will use."""

    torch_version: str
    transformers_version: str
    device: str


def import_engine(*, progress: Callable[[object], None], cancel: threading.Event) -> EngineInfo:
    """Import the engine libraries, reporting each module name before importing it."""
    modules = _import_engine_modules(progress)
    torch = modules["torch"]
    if torch.cuda.is_available():
        device = f"CUDA ({torch.cuda.get_device_name(0)})"
    elif torch.backends.mps.is_available():
        device = "MPS"
    else:
        device = "CPU"
    return EngineInfo(torch.__version__, modules["transformers"].__version__, device)


def ensure_engine_imported() -> None:
    """Import the engine modules unless done, waiting while another thread imports them.

    Worker tasks that may be the first to use transformers call this before any engine import.
    """
    _import_engine_modules(None)


def _import_engine_modules(progress: Callable[[object], None] | None) -> dict[str, object]:
    global _engine_frozen
    modules = {}
    with ENGINE_IMPORT_LOCK:
        for name in ENGINE_MODULES:
            if progress is not None:
                progress(name)
            modules[name] = importlib.import_module(name)
        if not _engine_frozen:
            # The imports leave about 400,000 objects that live as long as the process.
            # Frozen, they are skipped by the collector, whose full passes over them held the
            # GIL for 0.2 s at a time and stalled the window while a run loaded its data.
            gc.freeze()
            _engine_frozen = True
    return modules


class EngineLoader(QObject):
    """Loads the engine once; emits ``sigEngineReady(EngineInfo)`` or ``sigEngineFailed``."""

    sigEngineReady = Signal(object)
    sigEngineFailed = Signal(object, str)
    sigModuleLoading = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._worker: Worker | None = None
        self.info: EngineInfo | None = None
        self.failed = False

    def start(self) -> None:
        """Start the import; calling it again while loading or after success does nothing."""
        if self.info is not None or (self._worker is not None and self._worker.is_running()):
            return
        logger.info("Loading the training engine (%s)", ", ".join(ENGINE_MODULES))
        self.failed = False
        self._worker = Worker(import_engine)
        self._worker.sigProgress.connect(self._on_module_loading)
        self._worker.sigFinished.connect(self._on_loaded)
        self._worker.sigFailed.connect(self._on_failed)
        self._worker.start()

    def is_ready(self) -> bool:
        return self.info is not None

    def is_loading(self) -> bool:
        """Return whether the import thread is still running.

        ``is_ready`` changes only when the event loop delivers the thread's result. This
        reads the thread's state instead, so it stays correct after the event loop has ended.
        """
        return self._worker is not None and not self._worker.wait(0)

    def wait(self, timeout_ms: int = -1) -> bool:
        """Block until the import thread has ended; returns False on timeout."""
        return self._worker is None or self._worker.wait(timeout_ms)

    def _on_module_loading(self, module: object) -> None:
        self.sigModuleLoading.emit(str(module))

    def _on_loaded(self, info: EngineInfo) -> None:
        self.info = info
        logger.info("Training engine loaded: torch %s, transformers %s, device %s",
                    info.torch_version, info.transformers_version, info.device)
        self.sigEngineReady.emit(info)

    def _on_failed(self, error: BaseException, traceback_text: str) -> None:
        self.failed = True
        logger.error("Loading the training engine failed: %s", error)
        self.sigEngineFailed.emit(error, traceback_text)
