// The search page: reads the form (q and the filters, also from the address, so the header's
// plain GET form and shared links work), asks the Pagefind index and lists the results.
// A module file of the site: no inline script, so the page holds under script-src 'self'.

const PAGE_SIZE = 10; // each result shown fetches its fragment (about 2 KB): the first screen stays light
const form = document.querySelector("[data-search]");
if (form) {
  start(form).catch((error) => {
    status(say("unavailable", { error: error.message }));
  });
}

// The page gives the script's words in its language: data-msg-* on the status line.
function say(name, values = {}) {
  const element = document.querySelector("[data-search-status]");
  const key = `msg${name[0].toUpperCase()}${name.slice(1)}`;
  const text = (element && element.dataset[key]) || "";
  return text.replace(/\{(\w+)\}/g, (_, word) => String(values[word] ?? ""));
}

function counted(count, what) {
  const rule = new Intl.PluralRules(document.documentElement.lang || "en").select(count);
  return say(rule === "one" ? "one" : "other", { count, what });
}

function status(text) {
  const element = document.querySelector("[data-search-status]");
  if (element) element.textContent = text;
}

async function start(form) {
  const bundle = new URL(form.dataset.bundle, document.baseURI);
  const pagefind = await import(new URL("pagefind.js", bundle).href);
  await pagefind.options({ baseUrl: new URL(form.dataset.base, document.baseURI).pathname });
  await pagefind.init();
  document.querySelector("[data-search-nojs]")?.setAttribute("hidden", "");
  const params = new URLSearchParams(window.location.search);
  for (const field of form.elements) {
    if (field.name && params.has(field.name)) field.value = params.get(field.name);
  }
  // On a phone the filters, open without script, fold away unless the address sets one.
  const filters = form.querySelector("[data-search-filters]");
  const anySet = [...filters.querySelectorAll("select")].some((select) => select.value);
  if (filters && !anySet && window.matchMedia("(max-width: 40em)").matches) filters.open = false;
  const view = new Results(pagefind, form);
  let timer;
  form.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => view.run(), 200);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    view.run();
  });
  await view.run();
  // Arriving from the header's box on a phone, the site's header fills the first screen:
  // bring the words and their results up.
  if (params.get("q") && window.matchMedia("(max-width: 40em)").matches) {
    form.scrollIntoView({ block: "start" });
  }
}

class Results {
  constructor(pagefind, form) {
    this.pagefind = pagefind;
    this.form = form;
    this.list = document.querySelector("[data-search-results]");
    this.more = document.querySelector("[data-search-more]");
    this.more.querySelector("button").addEventListener("click", () => this.page());
    this.found = [];
    this.shown = 0;
    this.asked = 0;
  }

  values() {
    const data = new FormData(this.form);
    return Object.fromEntries([...data.entries()].map(([key, value]) => [key, value.trim()]));
  }

  async run() {
    const asked = ++this.asked;
    const values = this.values();
    const filters = filtersOf(values);
    remember(values);
    if (!values.q && Object.keys(filters).length === 0) {
      await this.show([], say("start"));
      return;
    }
    // Without words, news comes newest first and countries A to Z.
    const options = { filters };
    if (!values.q && ["News", "Campaign"].includes(values.type)) options.sort = { date: "desc" };
    if (!values.q && (values.tier || values.type === "Country")) options.sort = { name: "asc" };
    const search = await this.pagefind.search(values.q || null, options);
    if (asked !== this.asked) return; // a newer search has started
    const count = search.results.length;
    const what = values.q ? say("words", { words: values.q }) : say("filters");
    const message = count ? counted(count, what) : say("none", { what });
    await this.show(search.results, message);
  }

  // The status is announced (role="status") once the first results are on the page.
  async show(results, message) {
    this.found = results;
    this.shown = 0;
    this.list.replaceChildren();
    await this.page();
    status(message);
  }

  async page() {
    const next = this.found.slice(this.shown, this.shown + PAGE_SIZE);
    this.shown += next.length;
    const items = await Promise.all(next.map((result) => result.data()));
    this.list.append(...items.map(resultItem));
    this.more.hidden = this.shown >= this.found.length;
  }
}

// The tier filter is "tier" (the latest report) or "tier-<year>" (one report year).
function filtersOf(values) {
  const filters = {};
  for (const key of ["type", "region", "category", "year"]) {
    if (values[key]) filters[key] = values[key];
  }
  if (values.tier) filters[values.report ? `tier-${values.report}` : "tier"] = values.tier;
  return filters;
}

function remember(values) {
  const params = new URLSearchParams(Object.entries(values).filter(([, value]) => value));
  const query = params.toString();
  window.history.replaceState(null, "", query ? `?${query}` : window.location.pathname);
}

function resultItem(data) {
  const item = document.createElement("li");
  item.className = "search-result";
  const heading = document.createElement("h2");
  heading.className = "search-result__title";
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title || data.url;
  heading.append(link);
  const facts = document.createElement("p");
  facts.className = "search-result__facts";
  facts.append(span("search-result__kind", data.meta.kind || say("page")));
  if (data.meta.tier) facts.append(" ", span(`tier ${data.meta.tier_css || ""}`, data.meta.tier));
  if (data.meta.date) facts.append(" ", span("search-result__date", data.meta.date));
  const excerpt = document.createElement("p");
  excerpt.className = "search-result__excerpt";
  excerpt.append(...marked(data.excerpt));
  item.append(heading, facts, excerpt);
  return item;
}

function span(className, text) {
  const element = document.createElement("span");
  element.className = className;
  element.textContent = text;
  return element;
}

// Pagefind's excerpt is text with <mark> around the words found: keep exactly that.
function marked(excerpt) {
  const template = document.createElement("template");
  template.innerHTML = excerpt;
  return [...template.content.childNodes].map((node) => {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent);
  });
}
