"""The application factory: ``create_app(settings)`` wires core, services, storage and jobs."""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources

from anyio import to_thread
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from vocabsphere import __version__
from vocabsphere.bootstrap import prepare_database
from vocabsphere.config import Settings
from vocabsphere.core.lexicon.sense_embedding import embeddings_available, load_sense_embedder
from vocabsphere.jobs.runtime import JobSystem
from vocabsphere.services import dictionary, quiz_generation
from vocabsphere.store.database import Database
from vocabsphere.web.api import router as api_router
from vocabsphere.web.api.docs import router as docs_router
from vocabsphere.web.errors import install_error_handlers
from vocabsphere.web.middleware import BodySizeLimitMiddleware, SecurityHeadersMiddleware
from vocabsphere.web.pages import router as pages_router
from vocabsphere.web.proxies import TrustedProxiesMiddleware
from vocabsphere.web.state import AppState
from vocabsphere.web.templating import make_templates

log = logging.getLogger("vocabsphere.web")


def create_app(settings: Settings, *, database: Database | None = None) -> FastAPI:
    settings.require_serving_secret()
    database = database or Database.connect(settings.sqlalchemy_url)
    jobs = JobSystem(settings, database)
    templates: Jinja2Templates = make_templates(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        prepare_database(settings, database, jobs)
        jobs.start_embedded_workers()
        # The pipeline and the lexicon are loaded here, not by the first look-up.
        await to_thread.run_sync(dictionary.warm_up, settings)
        if embeddings_available():  # the optional sense model takes seconds: load it off the request path
            threading.Thread(target=load_sense_embedder, name="sense-embedder", daemon=True).start()
        if settings.env != "test":  # the first quiz would load word frequencies, models, fonts: done here
            threading.Thread(
                target=quiz_generation.warm_up, args=(settings,), name="quiz-warm-up", daemon=True
            ).start()
        # Objects alive after start-up (modules, settings, templates) live as long as the process:
        # moving them out of the collector's sight keeps full collections short under load.
        gc.collect()
        gc.freeze()
        # Page and API handlers are synchronous and run in this thread pool: with dozens of threads
        # fighting over the GIL, measured throughput fell by a third and tail latency rose ten-fold.
        to_thread.current_default_thread_limiter().total_tokens = settings.web_threads
        log.info("VocabSphere %s ready (database: %s)", __version__, database.backend)
        try:
            yield
        finally:
            jobs.stop()

    app = FastAPI(
        title="VocabSphere API",
        version=__version__,
        description="Real news, made learnable. Bearer tokens: POST /api/v1/auth/token.",
        lifespan=lifespan,
        docs_url=None,  # served below from vendored files: no CDN, no inline script
        redoc_url=None,
        openapi_url="/api/v1/openapi.json",
    )
    app.state.vocabsphere = AppState(settings=settings, database=database, jobs=jobs, templates=templates)
    static_dir = resources.files("vocabsphere.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static_dir)), name="static")
    app.include_router(api_router)
    app.include_router(docs_router)
    app.include_router(pages_router)
    install_error_handlers(app)
    app.add_middleware(BodySizeLimitMiddleware, max_bytes=settings.max_body_bytes)
    app.add_middleware(SecurityHeadersMiddleware)
    # Outermost: everything inside sees the client's real address.
    app.add_middleware(TrustedProxiesMiddleware, networks=settings.trusted_proxy_networks)
    return app
