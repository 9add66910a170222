"""Train page: a summary of the choices, start and cancel, live curves and a log."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peftt_gui.gui.engine_loader import EngineInfo
from peftt_gui.gui.methods import LORA_KEYS, find_method, hyperparameter_name, method_title
from peftt_gui.gui.pages.base import Page
from peftt_gui.gui.plots import LivePlot
from peftt_gui.gui.state import DATA_FOLDER_KEY, ProjectState

# TODO: set to True once _on_start_clicked runs peftt_gui.core.runner. Until then the
# Start button stays disabled, with the reason in its tooltip.
RUNNER_CONNECTED = False

LOSS_COLOR = "#1d5fb4"
MACRO_F1_COLOR = "#b35000"
ACCURACY_COLOR = "#2a7a2e"


class TrainPage(Page):
    """Start a run of the chosen method and follow its loss and validation metrics."""

    key = "train"
    icon_name = "train"

    def __init__(self, state: ProjectState, parent: QWidget | None = None):
        super().__init__(state, parent)
        self._engine_info: EngineInfo | None = None

        self.summary_group = QGroupBox(self)
        self.summary_form = QFormLayout(self.summary_group)
        self.summary_values: dict[str, QLabel] = {}
        for key in ("model", "data", "method", "settings", "engine"):
            value = QLabel(self)
            value.setWordWrap(True)
            self.summary_values[key] = value
            self.summary_form.addRow(QLabel(), value)

        self.start_button = QPushButton(self)
        self.start_button.clicked.connect(self._on_start_clicked)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setValue(0)
        self.progress_label = QLabel(self)
        controls = QHBoxLayout()
        controls.addWidget(self.start_button)
        controls.addWidget(self.cancel_button)
        controls.addWidget(self.progress_bar, 1)

        # Training loss per optimizer step; validation metrics per epoch.
        self.loss_plot = LivePlot(self)
        self.loss_plot.add_curve("train_loss", "", LOSS_COLOR)
        self.metrics_plot = LivePlot(self)
        # One point per epoch: wide lines cost nothing at that size.
        self.metrics_plot.add_curve("macro_f1", "", MACRO_F1_COLOR, width=2, symbol="o")
        self.metrics_plot.add_curve("accuracy", "", ACCURACY_COLOR, width=2, symbol="o")
        self.metrics_plot.plot_item.setYRange(0.0, 1.0)
        for plot in (self.loss_plot, self.metrics_plot):
            plot.setMinimumHeight(220)
        plots = QHBoxLayout()
        plots.addWidget(self.loss_plot)
        plots.addWidget(self.metrics_plot)

        self.log_view = QPlainTextEdit(self)
        self.log_view.setReadOnly(True)
        self.log_view.setMaximumBlockCount(5000)
        self.log_view.setMinimumHeight(90)

        self.run_group = QGroupBox(self)
        run_layout = QVBoxLayout(self.run_group)
        run_layout.addLayout(controls)
        run_layout.addWidget(self.progress_label)
        run_layout.addLayout(plots, 1)
        run_layout.addWidget(self.log_view)

        self.body.addWidget(self.summary_group)
        self.body.addWidget(self.run_group, 1)

        state.sigChanged.connect(self._refresh)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Train")

    def description(self) -> str:
        return self.tr("Start training with the choices of the previous pages. The loss "
                       "and the validation macro-F1 are drawn while the model trains.")

    def retranslate(self) -> None:
        super().retranslate()
        self.summary_group.setTitle(self.tr("Summary"))
        names = [self.tr("Model:"), self.tr("Data:"), self.tr("Method:"),
                 self.tr("Settings:"), self.tr("Engine:")]
        for row, name in enumerate(names):
            self.summary_form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget().setText(name)
        self.run_group.setTitle(self.tr("Run"))
        self.start_button.setText(self.tr("Start training"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.loss_plot.set_labels(left=self.tr("Loss"), bottom=self.tr("Step"))
        self.loss_plot.set_curve_name("train_loss", self.tr("Training loss"))
        self.metrics_plot.set_labels(left=self.tr("Validation"), bottom=self.tr("Epoch"))
        self.metrics_plot.set_curve_name("macro_f1", self.tr("macro-F1"))
        self.metrics_plot.set_curve_name("accuracy", self.tr("Accuracy"))
        self.log_view.setPlaceholderText(self.tr("Messages of the run appear here."))
        self._refresh()

    def set_engine_info(self, info: EngineInfo | None) -> None:
        """Show the loaded engine (None while it is still loading)."""
        self._engine_info = info
        self._refresh()

    def _refresh(self, _field: str = "") -> None:
        data = self.state.snapshot()
        not_chosen = self.tr("not chosen")
        self.summary_values["model"].setText(data.model_folder or not_chosen)
        if DATA_FOLDER_KEY in data.data_paths:
            data_text = data.data_paths[DATA_FOLDER_KEY]
        else:
            data_text = "; ".join(f"{split}: {path}" for split, path in data.data_paths.items())
        self.summary_values["data"].setText(data_text or not_chosen)
        self.summary_values["method"].setText(method_title(data.method) if data.method
                                              else not_chosen)
        self.summary_values["settings"].setText(self._settings_text(data))

        if self._engine_info is None:
            self.summary_values["engine"].setText(self.tr("loading…"))
        else:
            info = self._engine_info
            self.summary_values["engine"].setText(
                self.tr("torch %1, transformers %2, device: %3")
                .replace("%1", info.torch_version)
                .replace("%2", info.transformers_version)
                .replace("%3", info.device))
        self._update_start_button()

    def _settings_text(self, data) -> str:
        """Return the hyperparameters as "name value" pairs; LoRA ones only for LoRA."""
        choice = find_method(data.method)
        uses_lora = choice is not None and choice.uses_lora
        parts = []
        for key, value in data.hyperparameters.items():
            if key in LORA_KEYS and not uses_lora:
                continue
            if isinstance(value, list):
                value = ", ".join(map(str, value))
            elif isinstance(value, float):
                value = f"{value:g}"
            parts.append(f"{hyperparameter_name(key)} {value}")
        return self.tr("; ", "separator between settings").join(parts)

    def _update_start_button(self) -> None:
        if not RUNNER_CONNECTED:
            self.start_button.setEnabled(False)
            self.start_button.setToolTip(self.tr(
                "Training is not connected to the engine in this version."))
        elif not self.state.is_ready():
            self.start_button.setEnabled(False)
            self.start_button.setToolTip(self.tr("Complete the missing items first."))
        elif self._engine_info is None:
            self.start_button.setEnabled(False)
            self.start_button.setToolTip(self.tr("The training engine is still loading."))
        else:
            self.start_button.setEnabled(True)
            self.start_button.setToolTip("")

    def _on_start_clicked(self) -> None:
        # TODO: build a RunConfig from state.snapshot(), run peftt_gui.core.runner in a
        # Worker, append step losses to loss_plot and epoch metrics to metrics_plot from
        # sigProgressBatch, set progress_bar from the shared TrainingState, and switch the
        # Start/Cancel buttons while it runs.
        pass

    def _on_cancel_clicked(self) -> None:
        # TODO: call Worker.cancel() on the running run; the trainer stops within one
        # optimizer step and keeps a checkpoint.
        pass
