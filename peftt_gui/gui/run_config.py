"""Build the engine's configs from the user's choices (``ProjectData``)."""

from __future__ import annotations

import dataclasses

from peftt_gui.core.config import DataConfig, RunConfig, TrainingConfig
from peftt_gui.core.methods import get_method
from peftt_gui.gui.state import DATA_FOLDER_KEY, DATA_SINGLE_FILE_KEY, DATA_SPLITS, ProjectData

DEFAULT_NORMALIZATION = RunConfig.__dataclass_fields__["normalization"].default
TRAINING_FIELDS = {spec.name for spec in dataclasses.fields(TrainingConfig)}
DATA_OPTION_FIELDS = {spec.name for spec in dataclasses.fields(DataConfig)} - {
    DATA_FOLDER_KEY, DATA_SINGLE_FILE_KEY, *DATA_SPLITS}


def data_config(project: ProjectData) -> DataConfig | None:
    """Return the DataConfig of the chosen data, or None while no source is chosen.

    Raises ConfigError for invalid options.
    """
    paths = project.data_paths
    sources = {key: paths[key] for key in (DATA_FOLDER_KEY, DATA_SINGLE_FILE_KEY, *DATA_SPLITS)
               if paths.get(key)}
    if not any(key in sources for key in (DATA_FOLDER_KEY, DATA_SINGLE_FILE_KEY, "train")):
        return None
    # A folder or a single file brings its own splits, so split files are left out then.
    if DATA_FOLDER_KEY in sources:
        sources = {DATA_FOLDER_KEY: sources[DATA_FOLDER_KEY]}
    elif DATA_SINGLE_FILE_KEY in sources:
        sources = {DATA_SINGLE_FILE_KEY: sources[DATA_SINGLE_FILE_KEY]}
    options = {key: value for key, value in project.data_options.items()
               if key in DATA_OPTION_FIELDS}
    return DataConfig(**sources, **options)


def training_config(project: ProjectData) -> TrainingConfig:
    """Return the TrainingConfig of the chosen hyperparameters (defaults for the rest)."""
    values = {key: value for key, value in project.hyperparameters.items() if key in TRAINING_FIELDS}
    return TrainingConfig(**values)


def method_options(project: ProjectData) -> dict[str, object]:
    """Return the options of the chosen method, limited to its options class's fields."""
    if not project.method:
        return {}
    known = {spec.name for spec in dataclasses.fields(get_method(project.method).options_class)}
    return {key: value for key, value in project.method_options.items() if key in known}


def build_run_config(project: ProjectData, *, name: str = "", method: str | None = None,
                     training_overrides: dict[str, object] | None = None) -> RunConfig:
    """Return the RunConfig of the user's choices; raises ConfigError for a missing part.

    ``method`` replaces the chosen method (the zero-shot score uses "prompt"), and
    ``training_overrides`` replaces training settings.
    """
    chosen = method or project.method
    training = dataclasses.asdict(training_config(project))
    training.update(training_overrides or {})
    options = method_options(project) if chosen == project.method else {}
    uses_template = get_method(chosen).uses_template if chosen else False
    return RunConfig(
        model_path=project.model_folder,
        method=chosen,
        data=data_config(project),
        training=TrainingConfig(**training),
        method_options=options,
        template=project.template_text if uses_template else "",
        verbalizer=project.verbalizer if uses_template else {},
        normalization=DEFAULT_NORMALIZATION,
        name=name.strip(),
    )
