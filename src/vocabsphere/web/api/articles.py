"""Articles in the library."""

from __future__ import annotations

from fastapi import APIRouter, Query

from vocabsphere.services import library
from vocabsphere.web.api.schemas import ERRORS, ArticleOut, ArticleSummaryOut
from vocabsphere.web.params import RowId
from vocabsphere.web.security import CurrentUser, State

router = APIRouter(prefix="/articles", tags=["library"], responses=ERRORS)


@router.get("", response_model=list[ArticleSummaryOut])
def list_articles(
    state: State,
    principal: CurrentUser,
    limit: int = Query(20, ge=1, le=100),
    offset: int = Query(0, ge=0, le=1_000_000),
) -> list[ArticleSummaryOut]:
    return [
        ArticleSummaryOut(**vars(a))
        for a in library.list_articles(state.database, limit=limit, offset=offset)
    ]


@router.get("/{article_id}", response_model=ArticleOut)
def get_article(article_id: RowId, state: State, principal: CurrentUser) -> ArticleOut:
    article = library.get_article(state.database, article_id)
    return ArticleOut(**vars(article.summary), paragraphs=article.paragraphs, url=article.url)
