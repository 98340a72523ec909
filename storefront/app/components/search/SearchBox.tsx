import { Form, useFetcher, useNavigate } from "@remix-run/react";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { useT } from "~/lib/i18n";

type Suggestion = { handle: string; title: string; highlight: string };
type SuggestData = { q: string; suggestions: Suggestion[] };

const DEBOUNCE_MS = 150;
const MIN_CHARS = 2;

/** `<mark>Mật</mark> ong` → segments, rendered as text (never as HTML). */
export function highlightParts(highlight: string): { text: string; mark: boolean }[] {
  const parts: { text: string; mark: boolean }[] = [];
  const re = /<mark>(.*?)<\/mark>/g;
  let last = 0;
  for (let m = re.exec(highlight); m; m = re.exec(highlight)) {
    if (m.index > last) parts.push({ text: highlight.slice(last, m.index), mark: false });
    parts.push({ text: m[1], mark: true });
    last = m.index + m[0].length;
  }
  if (last < highlight.length) parts.push({ text: highlight.slice(last), mark: false });
  return parts.map((p) => ({ ...p, text: p.text.replace(/<[^>]*>/g, "") })).filter((p) => p.text);
}

/**
 * The header search box. Without JavaScript it is a plain GET form to /search.
 * With JavaScript it is an ARIA 1.2 combobox: typing fetches suggestions from
 * /api/suggest (debounced, through a fetcher), ↑/↓ move, Enter opens the
 * highlighted product (or searches), Escape closes.
 */
export function SearchBox({ defaultValue = "" }: { defaultValue?: string }) {
  const tr = useT();
  const fetcher = useFetcher<SuggestData>();
  const navigate = useNavigate();
  const [value, setValue] = useState(defaultValue);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const listId = `${id}-listbox`;

  useEffect(() => () => clearTimeout(timer.current), []);
  // Catalogue pages hydrate after load (lib/hydrate-after-load.tsx): words typed before that are in
  // the input but not in state, and the next render would blank them. Take them over once.
  useEffect(() => {
    const typed = input.current?.value ?? "";
    if (typed !== defaultValue) setValue(typed);
  }, [defaultValue]);

  const suggestions = value.trim().length >= MIN_CHARS ? (fetcher.data?.suggestions ?? []) : [];
  const expanded = open && suggestions.length > 0;
  const optionId = (i: number) => `${id}-option-${i}`;

  function onInput(next: string) {
    setValue(next);
    setActive(-1);
    setOpen(true);
    clearTimeout(timer.current);
    const q = next.trim();
    if (q.length >= MIN_CHARS) {
      timer.current = setTimeout(() => fetcher.load(`/api/suggest?q=${encodeURIComponent(q)}`), DEBOUNCE_MS);
    }
  }

  function choose(s: Suggestion) {
    setOpen(false);
    setActive(-1);
    navigate(`/products/${s.handle}`);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") {
      if (!suggestions.length) return;
      event.preventDefault();
      setOpen(true);
      setActive((a) => (a + 1) % suggestions.length);
    } else if (event.key === "ArrowUp") {
      if (!suggestions.length) return;
      event.preventDefault();
      setOpen(true);
      setActive((a) => (a <= 0 ? suggestions.length - 1 : a - 1));
    } else if (event.key === "Enter") {
      if (expanded && active >= 0 && suggestions[active]) {
        event.preventDefault();
        choose(suggestions[active]);
      } else {
        setOpen(false);
      }
    } else if (event.key === "Escape") {
      if (expanded) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      }
    }
  }

  return (
    <Form
      method="get"
      action="/search"
      role="search"
      className="relative order-last flex w-full gap-2 sm:order-none sm:flex-1"
      onSubmit={() => setOpen(false)}
    >
      <label htmlFor="site-search" className="sr-only">
        {tr("search.label")}
      </label>
      <input
        id="site-search"
        ref={input}
        type="search"
        name="q"
        value={value}
        onChange={(e) => onInput(e.currentTarget.value)}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        placeholder={tr("search.placeholder")}
        maxLength={200}
        autoComplete="off"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        className="min-w-0 flex-1 rounded-lg border border-clay bg-paper px-3 py-2 text-sm placeholder:text-ink-soft/70 focus:border-lacquer-600 focus:outline-none focus-visible:outline-3 focus-visible:outline-gold-400"
      />
      <button
        type="submit"
        className="rounded-lg bg-lacquer-600 px-4 py-2 text-sm font-semibold text-white hover:bg-lacquer-700"
      >
        {tr("search.submit")}
      </button>
      <ul
        id={listId}
        role="listbox"
        aria-label={tr("suggest.label")}
        hidden={!expanded}
        data-testid="suggestions"
        className="absolute left-0 right-16 top-full z-40 mt-1 overflow-hidden rounded-lg border border-clay bg-white py-1 shadow-lg"
      >
        {suggestions.map((s, i) => (
          <li
            key={s.handle}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            // mousedown, not click: the input keeps focus and the list does not close first
            onMouseDown={(e) => {
              e.preventDefault();
              choose(s);
            }}
            onMouseEnter={() => setActive(i)}
            className="cursor-pointer px-3 py-2 text-sm aria-selected:bg-lacquer-50 aria-selected:text-lacquer-700"
          >
            {highlightParts(s.highlight).map((p, j) =>
              p.mark ? (
                <mark key={j} className="bg-transparent font-semibold text-lacquer-700">
                  {p.text}
                </mark>
              ) : (
                <span key={j}>{p.text}</span>
              )
            )}
          </li>
        ))}
      </ul>
      <div role="status" aria-live="polite" className="sr-only">
        {expanded ? tr("suggest.count", { n: suggestions.length }) : ""}
      </div>
    </Form>
  );
}
