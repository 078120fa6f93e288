"""Stage 5, orchestration: the run as plain steps (pipeline) and the Prefect flow that wires them."""
