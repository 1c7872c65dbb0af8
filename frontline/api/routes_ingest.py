"""``POST /documents``: new articles in (text, a feed URL, or a CSV upload), token-protected.

Everything read is extracted, stored in one transaction and fused incrementally; a bad row
or feed comes back as a diagnostic naming it, and nothing of a refused batch is stored.
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field, ValidationError
from starlette.concurrency import run_in_threadpool

from frontline.api.context import Context, context, write_access
from frontline.api.errors import ApiError
from frontline.api.fetch_policy import FetchPolicy, FetchRefusedError, host_of
from frontline.records import Diagnostic, Document

router = APIRouter(tags=["ingest"], dependencies=[Depends(write_access)])
Ctx = Annotated[Context, Depends(context)]


class ArticleIn(BaseModel):
    """One article as JSON (``text`` required), or ``feed_url`` alone to read a feed."""

    text: str | None = Field(default=None, max_length=2_000_000)
    title: str | None = Field(default=None, max_length=2000)
    source: str | None = Field(default=None, max_length=255)
    published: date | None = None
    url: str | None = Field(default=None, max_length=2000)
    doc_id: str | None = Field(default=None, max_length=255)
    feed_url: str | None = Field(default=None, max_length=2000)


class IngestOut(BaseModel):
    documents_added: int
    documents_skipped: int
    events_added: int
    diagnostics: list[str]


def _article(body: ArticleIn) -> list[Document | Diagnostic]:
    from frontline.ingest.assemble import Found, make_document
    from frontline.ingest.options import ReadOptions

    text = body.text or ""
    if not text.strip():
        raise ApiError(400, "text is empty: send the article in 'text' (or a 'feed_url')")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    found = Found(
        doc_id=body.doc_id or f"api-{digest}",
        origin="POST /documents",
        title=body.title,
        url=body.url,
        source=body.source,
    )
    return [make_document(text, found, ReadOptions(published=body.published))]


def _feed(url: str, policy: FetchPolicy) -> list[Document | Diagnostic]:
    from frontline.ingest import ReadOptions, iter_documents

    if not host_of(url):
        raise ApiError(400, f"feed_url {url!r} is not an http(s) URL")
    try:
        policy.check(url)
    except FetchRefusedError as exc:
        raise ApiError(403, str(exc)) from None
    return list(iter_documents([url], ReadOptions(fetch=policy.fetcher())))


def _csv(name: str, data: bytes) -> list[Document | Diagnostic]:
    from frontline.errors import InputError
    from frontline.ingest.decoding import decode
    from frontline.ingest.options import ReadOptions
    from frontline.ingest.tables import read_csv

    try:
        decoded = decode(data, name)
    except InputError as exc:
        raise ApiError(400, str(exc)) from None
    stem = name.rsplit("/", 1)[-1].rsplit(".", 1)[0] or "upload"
    return list(read_csv(decoded.text, name, stem, ReadOptions()))


async def _items(request: Request, policy: FetchPolicy) -> list[Document | Diagnostic]:
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "multipart/form-data":
        form = await request.form()
        upload = form.get("file")
        if upload is None or isinstance(upload, str):
            raise ApiError(400, "multipart upload needs a CSV file in the field 'file'")
        return _csv(upload.filename or "upload.csv", await upload.read())
    if kind != "application/json":
        raise ApiError(415, "send JSON (an article or a feed_url) or a multipart CSV upload")
    try:
        body = ArticleIn.model_validate_json(await request.body())
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'body'}: {e['msg']}" for e in exc.errors()
        )
        raise ApiError(400, f"bad JSON body: {problems}") from None
    if body.feed_url:
        return await run_in_threadpool(_feed, body.feed_url, policy)  # network: off the loop
    return _article(body)


@router.post(
    "/documents",
    response_model=IngestOut,
    openapi_extra={
        "requestBody": {
            "content": {
                "application/json": {"schema": ArticleIn.model_json_schema()},
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "properties": {"file": {"type": "string", "format": "binary"}},
                        "required": ["file"],
                    }
                },
            },
            "required": True,
        }
    },
)
async def add_documents(request: Request, ctx: Ctx) -> dict[str, Any]:
    """Ingest articles: extract, store (one transaction) and fuse incrementally."""
    from frontline.watch import ingest_and_fuse

    settings = ctx.settings
    items = await _items(request, FetchPolicy.from_settings(settings.fetch_hosts, settings.feeds))
    if not any(isinstance(i, Document) for i in items):
        problems = "; ".join(str(d) for d in items if isinstance(d, Diagnostic)) or "nothing"
        raise ApiError(400, f"no article could be read: {problems}")
    result = await run_in_threadpool(ingest_and_fuse, ctx.store, items)
    return {
        "documents_added": result.documents_added,
        "documents_skipped": result.documents_skipped,
        "events_added": result.events_added,
        "diagnostics": [str(d) for d in result.diagnostics],
    }
