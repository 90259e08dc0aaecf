"""The learner's sections: Library, Vocabulary, Review, Progress; and Classes for teachers."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from vocabsphere.core.accounts import Role
from vocabsphere.services import library
from vocabsphere.web.pages.render import render
from vocabsphere.web.security import CurrentUser, State, require_role

router = APIRouter()


@router.get("/library")
def library_page(
    request: Request, state: State, principal: CurrentUser, page: int = Query(1, ge=1, le=10_000)
) -> Response:
    per_page = 20
    articles = library.list_articles(state.database, limit=per_page + 1, offset=(page - 1) * per_page)
    return render(
        request,
        "library.html",
        articles=articles[:per_page],
        page=page,
        has_next=len(articles) > per_page,
    )


@router.get("/articles/{article_id}")
def article_page(request: Request, state: State, principal: CurrentUser, article_id: int) -> Response:
    article = library.get_article(state.database, article_id)
    return render(request, "article.html", article=article)


@router.get("/vocabulary")
def vocabulary_page(request: Request, principal: CurrentUser) -> Response:
    return render(request, "vocabulary.html")


@router.get("/review")
def review_page(request: Request, principal: CurrentUser) -> Response:
    return render(request, "review.html")


@router.get("/progress")
def progress_page(request: Request, principal: CurrentUser) -> Response:
    return render(request, "progress.html")


@router.get("/classes", dependencies=[require_role(Role.TEACHER)])
def classes_page(request: Request) -> Response:
    return render(request, "classes.html")


@router.get("/about")
def about_page(request: Request) -> Response:
    return render(request, "about.html")
