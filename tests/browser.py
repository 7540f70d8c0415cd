"""Helpers for tests that load the built site in Chromium: the browser, its tabs, axe-core.

The browser is Debian's chromium (``/usr/bin/chromium``) driven by Playwright, never a
browser Playwright downloads. A :class:`SiteTab` is one page in a context of its own size,
whose every request is answered by a :class:`siteserver.SiteServer`:

- The publish build links its pages, stylesheet and images by absolute URLs under SITEURL
  (``https://example.org/tip/...``), and its Content-Security-Policy allows only ``'self'``.
  Serving the folder at ``http://127.0.0.1:<port>/tip/`` alone would not do: the stylesheet's
  address would be another origin, which the policy blocks. So the tab opens the real
  addresses and a Playwright route answers each request under SITEURL with the local server's
  response, headers included: the page keeps its own origin, its own bytes and the policy
  the build wrote to ``_headers``. Any other address is aborted and noted; the browser's
  resolver maps every name to nothing, so a request can never reach the network.
- axe-core (``node_modules/axe-core``) is a script the policy would refuse inline
  (``add_script_tag(path=...)`` is blocked), so the route also serves it at an address under
  SITEURL and the tab loads it from there as a same-origin script: the policy stays in force
  while axe runs, and no ``bypass_csp`` is needed.

The ``measure_*`` functions return what the phone-layout tests assert on, each element
named by a short CSS selector.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, ConsoleMessage, Page, Playwright, Request, Route
from sitebuild import BuildResult
from siteserver import SiteServer

PROJECT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"
AXE_ADDRESS = "/__tests__/axe.min.js"  # under SITEURL; no page of the site lives there
# The pages checked, one of each kind; checked_pages() gives their paths.
PAGE_KINDS = (
    "home",
    "office",
    "country",
    "report-year",
    "campaign",
    "news-article",
    "countries-index",
    "not-found",
    "spanish-home",
    "french-country",
    "arabic-home",
    "arabic-help",
    "arabic-country",
)
INSTALL = {
    CHROMIUM: "apt-get install chromium",
    AXE: "npm ci --ignore-scripts",
}

# JavaScript: name an element by up to four steps of its path, stopping at an id.
_DESCRIBE = """
const describe = (element) => {
  const steps = [];
  for (let node = element; node && node !== document.body && steps.length < 4;
       node = node.parentElement) {
    if (node.id) { steps.unshift('#' + CSS.escape(node.id)); break; }
    let step = node.localName;
    const classes = [...node.classList].slice(0, 2).map((name) => CSS.escape(name));
    if (classes.length) {
      step += '.' + classes.join('.');
    } else if (node.parentElement) {
      const same = [...node.parentElement.children].filter((c) => c.localName === node.localName);
      if (same.length > 1) step += `:nth-of-type(${same.indexOf(node) + 1})`;
    }
    steps.unshift(step);
  }
  return steps.join(' > ');
};
"""

# Elements whose right edge passes the viewport, outside any horizontal scroll region; only
# the outermost are named (their children overflow with them). The body and the root are not
# scroll regions of their own: their overflow belongs to the viewport.
_OVERFLOW = (
    "(width) => {"
    + _DESCRIBE
    + """
  const inScroller = (element) => {
    for (let node = element.parentElement; node && node !== document.body;
         node = node.parentElement) {
      if (['auto', 'scroll'].includes(getComputedStyle(node).overflowX)) return true;
    }
    return false;
  };
  const over = new Set();
  for (const element of document.body.querySelectorAll('*')) {
    const box = element.getBoundingClientRect();
    // Right to left, a page overflows on the left.
    const rtl = document.documentElement.dir === 'rtl';
    const outside = box.right > width + 1 || (rtl && box.left < -1);
    if ((box.width || box.height) && outside && !inScroller(element)) {
      over.add(element);
    }
  }
  const outermost = [...over].filter((element) => !over.has(element.parentElement));
  return {
    scrollWidth: document.documentElement.scrollWidth,
    count: over.size,
    offenders: outermost.map((element) =>
      `${describe(element)} (right edge ${Math.round(element.getBoundingClientRect().right)} px)`),
  };
}"""
)

# Rendered size of each visible <text> of an inline SVG (and of each <tspan> that sets a
# size of its own): the computed font size times the scale from its user space to the screen.
_SVG_TEXT = (
    "() => {"
    + _DESCRIBE
    + """
  const sizes = [];
  for (const element of document.querySelectorAll('svg text, svg tspan')) {
    const style = getComputedStyle(element);
    const parent = element.parentElement;
    if (element.localName === 'tspan' && getComputedStyle(parent).fontSize === style.fontSize) {
      continue;
    }
    const box = element.getBoundingClientRect();
    if (!box.width || !box.height || style.visibility !== 'visible' || style.opacity === '0') {
      continue;
    }
    const matrix = element.getScreenCTM();
    const scale = matrix ? Math.hypot(matrix.a, matrix.b) : 1;
    sizes.push({
      text: element.textContent.trim().replace(/\\s+/g, ' ').slice(0, 60),
      px: Math.round(parseFloat(style.fontSize) * scale * 10) / 10,
      selector: describe(element),
    });
  }
  return sizes;
}"""
)

_CALLOUTS = (
    "() => {"
    + _DESCRIBE
    + """
  return [...document.querySelectorAll('[data-help-callout]')].map((element) => {
    const box = element.getBoundingClientRect();
    return {
      selector: describe(element),
      visible: element.checkVisibility({checkOpacity: true, checkVisibilityCSS: true}),
      top: box.top, bottom: box.bottom, left: box.left, right: box.right,
    };
  });
}"""
)

_STYLESHEETS = """() => [...document.querySelectorAll('link[rel~="stylesheet"]')].map((link) => ({
  href: link.href,
  rules: link.sheet ? link.sheet.cssRules.length : 0,
}))"""

# target-size (WCAG 2.2, 2.5.8: 24 px targets) is off in axe by default; Lighthouse checks it.
_AXE_OPTIONS = "{resultTypes: ['violations'], rules: {'target-size': {enabled: true}}}"
_AXE_RUN = (
    "async () => (await axe.run(document, " + _AXE_OPTIONS + ")).violations.map("
    """
  (rule) => ({
    id: rule.id,
    impact: rule.impact,
    help: rule.help,
    targets: rule.nodes.map((node) => node.target.flat().join(' ')),
  }))"""
)


def checked_pages(site: BuildResult) -> dict[str, str]:
    """Return the pages the browser checks, by kind, as paths under SITEURL ("about/")."""
    campaigns = sorted(path.parent.name for path in site.output.glob("campaigns/*/index.html"))
    assert campaigns, f"{site.output} has no campaign page"
    # The first article the news index lists: the newest.
    link = site.html("news/").select_one("main article a[href]")
    assert link is not None, f"{site.path('news/')} lists no article"
    return {
        "home": "",
        "office": "about/",
        "country": "countries/burma/",
        "report-year": "reports/2010/",
        "campaign": f"campaigns/{campaigns[0]}/",
        "news-article": str(link["href"]).removeprefix(site.siteurl + "/"),
        "countries-index": "countries/",
        "not-found": "404.html",
        "spanish-home": "es/",
        "french-country": "fr/countries/burma/",
        "arabic-home": "ar/",
        "arabic-help": "ar/get-help/",
        "arabic-country": "ar/countries/burma/",
    }


def missing_tools() -> list[str]:
    """Return what the browser tests cannot run without, each with its install command."""
    return [f"{path} is missing: {hint}" for path, hint in INSTALL.items() if not path.is_file()]


def launch_chromium(playwright: Playwright) -> Browser:
    """Start Debian's chromium, headless, unable to reach any host by name."""
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM),
        chromium_sandbox=False,  # the sandbox cannot start as root, where the tests run
        args=["--host-resolver-rules=MAP * ~NOTFOUND"],
    )


@dataclass
class BrowserLog:
    """What a tab saw since its last visit: console errors, requests, addresses refused."""

    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)

    def clear(self) -> None:
        """Forget everything seen so far."""
        self.errors.clear()
        self.requests.clear()
        self.refused.clear()

    def console(self, message: ConsoleMessage) -> None:
        """Note a console message of type error."""
        if message.type == "error":
            self.errors.append(message.text)


@dataclass
class SiteTab:
    """A page whose requests under SITEURL the local server answers."""

    page: Page
    server: SiteServer
    log: BrowserLog
    width: int
    height: int

    def url(self, relpath: str) -> str:
        """Return the public address of ``relpath`` ("countries/burma/")."""
        return f"{self.server.siteurl}/{relpath}"

    def visit(self, relpath: str) -> None:
        """Load ``relpath`` with its fonts; fail if the server did not find it."""
        self.log.clear()
        response = self.page.goto(self.url(relpath))
        assert response is not None and response.ok, f"{relpath}: {response and response.status}"
        self.page.evaluate("() => document.fonts.ready.then(() => true)")

    def axe_violations(self) -> list[dict[str, Any]]:
        """Run axe-core's rules on the page; return each broken rule with its targets."""
        self.page.add_script_tag(url=self.server.siteurl + AXE_ADDRESS)
        return self.page.evaluate(_AXE_RUN)

    def close(self) -> None:
        """Close the tab's context, letting requests still in flight (a favicon) go."""
        self.page.context.unroute_all(behavior="ignoreErrors")
        self.page.context.close()


def open_tab(
    browser: Browser, server: SiteServer, width: int, height: int, *, phone: bool = False
) -> SiteTab:
    """Open a tab of ``width`` x ``height`` CSS px; ``phone`` makes it a touch screen whose
    scroll bars take no room and which honours the viewport ``<meta>``."""
    context = browser.new_context(
        viewport={"width": width, "height": height}, is_mobile=phone, has_touch=phone
    )
    log = BrowserLog()
    context.route("**/*", lambda route: _answer(route, server, log))
    page = context.new_page()
    page.on("console", log.console)
    page.on("pageerror", lambda error: log.errors.append(str(error)))
    page.on("request", lambda request: _note(request, log))
    return SiteTab(page, server, log, width, height)


def _note(request: Request, log: BrowserLog) -> None:
    log.requests.append(request.url)


def _answer(route: Route, server: SiteServer, log: BrowserLog) -> None:
    url = route.request.url
    if url == server.siteurl + AXE_ADDRESS:
        route.fulfill(path=AXE, content_type="text/javascript; charset=utf-8")
    elif url == server.siteurl or url.startswith(server.siteurl + "/"):
        route.fulfill(response=route.fetch(url=server.local_url(url)))
    else:
        log.refused.append(url)
        route.abort("blockedbyclient")


def measure_overflow(tab: SiteTab) -> dict[str, Any]:
    """Return the page's scroll width and the elements that pass the viewport's edges."""
    return tab.page.evaluate(_OVERFLOW, tab.width)


def measure_svg_text(tab: SiteTab) -> list[dict[str, Any]]:
    """Return the rendered font size (CSS px) of every visible text of an inline SVG."""
    return tab.page.evaluate(_SVG_TEXT)


def measure_callouts(tab: SiteTab) -> list[dict[str, Any]]:
    """Return the box and visibility of every ``[data-help-callout]`` at the top of the page."""
    tab.page.evaluate("() => window.scrollTo(0, 0)")
    return tab.page.evaluate(_CALLOUTS)


def measure_stylesheets(tab: SiteTab) -> list[dict[str, Any]]:
    """Return each linked stylesheet with its number of rules (0 when it did not load)."""
    return tab.page.evaluate(_STYLESHEETS)


def computed_style(page: Page, selector: str, name: str) -> str:
    """Return the computed value of CSS property ``name`` on the first match of ``selector``."""
    return page.eval_on_selector(
        selector, "(element, name) => getComputedStyle(element).getPropertyValue(name)", name
    )
