"""`eventpipe report`: one self-contained HTML page of the warehouse, for a browser, offline.

The rows come from `eventpipe.warehouse.report` (queries in `warehouse/report/`); the charts are
Bokeh's, with its minified JavaScript (shipped in the bokeh wheel) inlined in the page, so the page
fetches nothing: no script, style sheet, font or image from the network.
"""

from __future__ import annotations

import html
from datetime import date, datetime, timezone
from pathlib import Path

import polars as pl
from bokeh.embed import components
from bokeh.models import ColumnDataSource, HoverTool
from bokeh.plotting import figure
from bokeh.resources import Resources

from eventpipe.warehouse.connection import DEFAULT_WAIT
from eventpipe.warehouse.report import TREND_DYADS, ReportData, report_data

QUAD_COLORS = {1: "#4e9a06", 2: "#1f6fb2", 3: "#e69f00", 4: "#c0392b"}  # cooperation green/blue, conflict orange/red
SOURCE_COLORS = {"text": "#1f6fb2", "published": "#999999", "earlier": "#e69f00"}
SOURCE_LEGENDS = {"text": "from the text", "published": "from publication", "earlier": "before publication, undated"}
LINE_COLORS = ["#1f6fb2", "#c0392b", "#4e9a06", "#e69f00", "#7b3294"]
DAY_MS = 86_400_000


def write_report(db: Path, out: Path, where: str | None = None, since: date | None = None,
                 wait: float = DEFAULT_WAIT, now: datetime | None = None) -> ReportData:
    """Write the report page of the warehouse `db` to `out`; returns the rows it shows."""
    data = report_data(db, where, since, wait)
    page = render(data, db, now or datetime.now(timezone.utc))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    return data


def render(data: ReportData, db: Path, now: datetime) -> str:
    charts = {name: chart for name, chart in [
        ("over_time", _over_time(data)), ("dyads", _top_dyads(data)), ("trend", _dyad_trend(data)),
        ("roots", _top_roots(data)), ("dating", _dating(data)),
    ] if chart is not None}
    script, divs = components(charts) if charts else ("", {})
    js = Resources(mode="inline", components=["bokeh"]).render_js() if charts else ""
    h = data.holdings
    filters = []
    if data.where:
        filters.append(f"events where <code>{_e(data.where)}</code>")
    if data.since:
        filters.append(f"dated on or after {data.since.isoformat()}")
    span = (f"{data.first_date} to {data.last_date}, by {data.unit}" if data.first_date else "no dated events")
    outside = f"; {data.outside:,} events dated outside this span are not drawn" if data.outside else ""

    def chart(name: str, empty: str) -> str:
        return divs.get(name) or f"<p class=note>{_e(empty)}</p>"

    body = f"""
<header>
  <h1>eventpipe report</h1>
  <p class=note>{_e(str(db))}, written {now:%Y-%m-%d %H:%M} UTC{' &middot; ' + ', '.join(filters) if filters else ''}</p>
</header>
<section id=holdings>
  <h2>What the warehouse holds</h2>
  <div class=cards>
    {_card(h["articles"], "articles")}{_card(h["sources"], "sources")}
    {_card(f"{h['first_published'] or '?'} to {h['last_published'] or '?'}", "published")}
    {_card(h["mentions"], "event mentions")}{_card(h["events"], "events")}
    {_card(h["report_events"], "events in this report")}{_card(h["asserted_events"], "of them happened (asserted)")}
    {_card(h["rejected"], "inputs rejected")}{_card(h["warned"], "loaded with a warning")}
  </div>
  <p class=note>{h["undated_articles"]:,} articles have no publication date.</p>
  <div class=two>
    <div><h3>Sources</h3>{_table(data.top_sources, ["source", "articles"])}</div>
    <div><h3>Rejects</h3>{_table(data.reject_reasons, ["severity", "reason", "inputs"], "no rejects")}</div>
  </div>
</section>
<section id=over-time>
  <h2>Events over time by QuadClass</h2>
  <p class=note>Events that happened (mode asserted), {span}; an event counts when its date is known to the {data.unit} or finer{outside}.</p>
  {chart("over_time", "No event dated to the month or finer.")}
</section>
<section id=dyads>
  <h2>Top dyads</h2>
  <p class=note>Source and target (country, or kind of actor) of events that happened; the first {TREND_DYADS} over time below.</p>
  {chart("dyads", "No event with both a source and a target.")}
  {chart("trend", "")}
</section>
<section id=event-types>
  <h2>Top event types</h2>
  <p class=note>Events that happened, by CAMEO root, coloured by QuadClass.</p>
  {chart("roots", "No event.")}
</section>
<section id=dating>
  <h2>How events are dated</h2>
  <p class=note>From a date in the text, or from the article's publication date when the text gives none; and to which precision.</p>
  {chart("dating", "No event.")}
  {_table(data.dating, ["date_source", "date_precision", "events"])}
</section>
<section id=most-reported>
  <h2>Most-reported events</h2>
  {_most_reported(data.most_reported)}
</section>
"""
    return f"""<!DOCTYPE html>
<html lang=en>
<head>
<meta charset=utf-8>
<meta name=viewport content="width=device-width, initial-scale=1">
<title>eventpipe report</title>
<style>{STYLE}</style>
{js}
{script}
</head>
<body>
{body}
</body>
</html>
"""


STYLE = """
body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 1000px; padding: 1em 2em; color: #222; }
h1 { margin-bottom: 0.2em; } h2 { border-bottom: 1px solid #ccc; padding-bottom: 0.2em; margin-top: 2em; }
.note { color: #555; font-size: 0.9em; }
.cards { display: flex; flex-wrap: wrap; gap: 0.6em; }
.card { border: 1px solid #ddd; border-radius: 6px; padding: 0.5em 0.9em; min-width: 7em; }
.card b { display: block; font-size: 1.3em; }
.two { display: grid; grid-template-columns: 1fr 2fr; gap: 2em; }
table { border-collapse: collapse; font-size: 0.9em; margin: 0.5em 0; }
th, td { text-align: left; padding: 0.2em 0.6em; border-bottom: 1px solid #eee; vertical-align: top; }
td.n { text-align: right; }
ol.events > li { margin-bottom: 1em; }
ol.events blockquote { margin: 0.3em 0 0.3em 1em; color: #333; font-size: 0.92em; }
"""


def _e(text) -> str:
    return html.escape(str(text), quote=True)


def _card(value, label: str) -> str:
    shown = f"{value:,}" if isinstance(value, int) else str(value)
    return f"<div class=card><b>{_e(shown)}</b>{_e(label)}</div>"


def _table(frame: pl.DataFrame, columns: list[str], empty: str = "none") -> str:
    if frame.is_empty():
        return f"<p class=note>{_e(empty)}</p>"
    head = "".join(f"<th>{_e(c)}</th>" for c in columns)
    rows = "".join(
        "<tr>" + "".join(f"<td class=n>{value:,}</td>" if isinstance(value, int) else f"<td>{_e(value)}</td>"
                         for value in (row[c] for c in columns)) + "</tr>"
        for row in frame.iter_rows(named=True))
    return f"<table><tr>{head}</tr>{rows}</table>"


def _most_reported(frame: pl.DataFrame) -> str:
    if frame.is_empty():
        return "<p class=note>No event.</p>"
    items = []
    for row in frame.iter_rows(named=True):
        what = f"{row['source'] or '?'} &rarr; {_e(row['action'] or row['cameo_code'])} &rarr; {row['target'] or '?'}"
        when = f"{row['event_date'] or 'undated'} ({row['date_precision'] or '-'}, from {row['date_source']})"
        counts = f"{row['num_mentions']} mentions, {row['num_articles']} articles, {row['num_sources']} outlets"
        mode = "" if row["mode"] == "asserted" else f" <em>[{_e(row['mode'])}]</em>"
        sentences = "".join(f"<blockquote>{_e(s)}</blockquote>" for s in (row["sentences"] or [])[:3])
        links = "".join(
            f' <a href="{_e(url)}">{_e(url)}</a>' for url in (row["urls"] or [])[:5] if url.startswith(("http://", "https://")))
        articles = "" if links else "; ".join(_e(a) for a in (row["articles"] or [])[:3])
        sources = ", ".join(_e(s) for s in (row["sources"] or []))
        items.append(f"<li><b>{_e(when)}</b>: {_e_soft(what)}{mode} <span class=note>({counts})</span>{sentences}"
                     f"<div class=note>{sources}{' &middot; ' if sources else ''}{links or articles}</div></li>")
    return "<ol class=events>" + "".join(items) + "</ol>"


def _e_soft(text: str) -> str:
    """Escape the actor names around the arrows the caller wrote as entities."""
    return " &rarr; ".join(part if part.startswith("&") else _e(part) for part in text.split(" &rarr; "))


def _figure(title: str, height: int, **options) -> figure:
    chart = figure(title=title, height=height, sizing_mode="stretch_width", toolbar_location="right",
                   tools="pan,wheel_zoom,box_zoom,reset,save", **options)
    chart.title.text_font_size = "13px"
    return chart


def _over_time(data: ReportData):
    frame = data.over_time
    if frame.is_empty():
        return None
    names = dict(frame.select("quad_class", "quad_name").unique().iter_rows())
    wide = frame.pivot(on="quad_class", index="period", values="events").fill_null(0).sort("period")
    quads = sorted(names)
    columns = {"period": _instants(wide["period"])}
    for quad in quads:
        columns[str(quad)] = wide[str(quad)].to_list() if str(quad) in wide.columns else [0] * wide.height
    width = (5 if data.unit == "week" else 25) * DAY_MS
    chart = _figure(f"Events per {data.unit}", 320, x_axis_type="datetime")
    renderers = chart.vbar_stack([str(q) for q in quads], x="period", width=width, source=ColumnDataSource(columns),
                                 color=[QUAD_COLORS[q] for q in quads], legend_label=[names[q] for q in quads])
    for quad, renderer in zip(quads, renderers):
        chart.add_tools(HoverTool(renderers=[renderer], tooltips=[(data.unit, "@period{%F}"), (names[quad], f"@{{{quad}}}")],
                                  formatters={"@period": "datetime"}))
    chart.legend.location = "top_left"
    chart.y_range.start = 0
    return chart


def _instants(days: pl.Series) -> list[datetime]:
    """Dates as datetimes: a datetime axis of Bokeh places datetimes (dates it does not)."""
    return days.cast(pl.Datetime("ms")).to_list()


def _dyad_label(row: dict) -> str:
    return f"{row['source_name']} → {row['target_name']}"


def _top_dyads(data: ReportData):
    frame = data.top_dyads
    if frame.is_empty():
        return None
    rows = list(frame.iter_rows(named=True))[::-1]
    labels = [_dyad_label(r) for r in rows]
    source = ColumnDataSource({"dyad": labels, "events": [r["events"] for r in rows],
                               "mentions": [r["mentions"] for r in rows], "goldstein": [r["mean_goldstein"] for r in rows]})
    chart = _figure("Events by dyad", 30 * len(rows) + 60, y_range=labels)
    chart.hbar(y="dyad", right="events", height=0.7, source=source, color="#1f6fb2")
    chart.add_tools(HoverTool(tooltips=[("dyad", "@dyad"), ("events", "@events"), ("mentions", "@mentions"),
                                        ("mean Goldstein", "@goldstein")]))
    chart.x_range.start = 0
    return chart


def _dyad_trend(data: ReportData):
    if data.dyad_trend.is_empty():
        return None
    chart = _figure(f"Top {TREND_DYADS} dyads per {data.unit}", 300, x_axis_type="datetime")
    periods = data.dyad_trend["period"].unique().sort().to_list()
    instants = _instants(pl.Series(periods, dtype=pl.Date))
    for color, row in zip(LINE_COLORS, data.top_dyads.head(TREND_DYADS).iter_rows(named=True)):
        counts = dict(data.dyad_trend.filter((pl.col("source_country") == row["source_country"])
                                             & (pl.col("target_country") == row["target_country"]))
                      .select("period", "events").iter_rows())
        source = ColumnDataSource({"period": instants, "events": [counts.get(p, 0) for p in periods],
                                   "dyad": [_dyad_label(row)] * len(periods)})
        chart.line(x="period", y="events", source=source, color=color, line_width=2, legend_label=_dyad_label(row))
        chart.scatter(x="period", y="events", source=source, color=color, size=5)
    chart.add_tools(HoverTool(tooltips=[("dyad", "@dyad"), (data.unit, "@period{%F}"), ("events", "@events")],
                              formatters={"@period": "datetime"}))
    chart.legend.location = "top_left"
    chart.y_range.start = 0
    return chart


def _top_roots(data: ReportData):
    frame = data.top_roots
    if frame.is_empty():
        return None
    rows = list(frame.iter_rows(named=True))[::-1]
    labels = [f"{r['cameo_root']} {r['root_name'].capitalize()}" for r in rows]
    source = ColumnDataSource({"root": labels, "events": [r["events"] for r in rows], "mentions": [r["mentions"] for r in rows],
                               "color": [QUAD_COLORS.get(r["quad_class"], "#777") for r in rows]})
    chart = _figure("Events by CAMEO root", 24 * len(rows) + 60, y_range=labels)
    chart.hbar(y="root", right="events", height=0.7, source=source, color="color")
    chart.add_tools(HoverTool(tooltips=[("type", "@root"), ("events", "@events"), ("mentions", "@mentions")]))
    chart.x_range.start = 0
    return chart


def _dating(data: ReportData):
    frame = data.dating
    if frame.is_empty():
        return None
    wide = frame.pivot(on="date_source", index="date_precision", values="events").fill_null(0)
    wide = wide.with_columns(total=pl.sum_horizontal(pl.exclude("date_precision"))).sort("total")
    kinds = [k for k in SOURCE_COLORS if k in wide.columns]
    precisions = wide["date_precision"].to_list()
    columns = {"precision": precisions} | {k: wide[k].to_list() for k in kinds}
    chart = _figure("Events by date source and precision", 26 * len(precisions) + 70, y_range=precisions)
    chart.hbar_stack(kinds, y="precision", height=0.7, source=ColumnDataSource(columns),
                     color=[SOURCE_COLORS[k] for k in kinds], legend_label=[SOURCE_LEGENDS[k] for k in kinds])
    chart.add_tools(HoverTool(tooltips=[("precision", "@precision")] + [(k, f"@{k}") for k in kinds]))
    chart.legend.location = "bottom_right"
    chart.x_range.start = 0
    return chart
