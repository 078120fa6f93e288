"""Start Prefect's temporary API server (uvicorn), with no cyclic collection while its modules import.

`python -m flows.orchestration.prefect_server [uvicorn options]` is `python -m uvicorn [options]`, except that the
server's ~3 s of imports run with the collector off (each automatic full collection on the way walked
every object made so far: ~0.5 s of CPU) and what they made is then frozen, out of later walks.
"""

from flows.core.runtime import frozen_imports


def main() -> None:
    with frozen_imports():
        import prefect.server.api.server  # noqa: F401 - the app factory uvicorn loads next
    from uvicorn.main import main as uvicorn_main

    uvicorn_main()  # reads the options from sys.argv


if __name__ == "__main__":
    main()
