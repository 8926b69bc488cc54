// mouextract report: sorting and filtering the agreements table, and the two charts drawn as SVG
// from the rows the filters leave. Plain JavaScript, no library, nothing fetched.
"use strict";
(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const table = document.getElementById("agreements");
  const tbody = table.tBodies[0];
  const rows = Array.from(tbody.rows);
  const filters = {
    year: document.getElementById("f-year"), province: document.getElementById("f-province"),
    type: document.getElementById("f-type"), institution: document.getElementById("f-institution"),
  };

  function matches(row) {
    const d = row.dataset;
    const who = filters.institution.value.trim().toLowerCase();
    return (!filters.year.value || d.year === filters.year.value)
      && (!filters.province.value || d.province === filters.province.value)
      && (!filters.type.value || d.type === filters.type.value)
      && (!who || d.institutions.includes(who));
  }

  function apply() {
    const shown = rows.filter((row) => { const ok = matches(row); row.hidden = !ok; return ok; });
    document.getElementById("shown").textContent = shown.length + " of " + rows.length + " shown";
    drawMonths(shown);
    drawProvinces(shown);
  }

  // One count per signing: records linked to one signing (several reports) count once.
  function count(shown, key) {
    const seen = new Map();
    for (const row of shown) {
      const k = row.dataset[key];
      if (!k) continue;
      if (!seen.has(k)) seen.set(k, new Set());
      seen.get(k).add(row.dataset.signing);
    }
    return new Map(Array.from(seen, ([k, s]) => [k, s.size]));
  }

  function el(name, attrs, text) {
    const node = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function months(first, last) {
    const out = [];
    let [y, m] = first.split("-").map(Number);
    const [ly, lm] = last.split("-").map(Number);
    while (y < ly || (y === ly && m <= lm)) {
      out.push(y + "-" + String(m).padStart(2, "0"));
      m += 1; if (m > 12) { m = 1; y += 1; }
    }
    return out;
  }

  function drawMonths(shown) {
    const svg = document.getElementById("chart-month");
    svg.replaceChildren();
    const counts = count(shown, "month");
    const keys = Array.from(counts.keys()).sort();
    const w = svg.clientWidth || 600, h = svg.clientHeight || 220, pad = 28;
    svg.setAttribute("viewBox", "0 0 " + w + " " + h);
    if (!keys.length) { svg.append(el("text", { x: 10, y: 20 }, "No dated signing among the rows shown")); return; }
    const all = months(keys[0], keys[keys.length - 1]);
    const max = Math.max(...counts.values());
    const step = (w - 2 * pad) / all.length;
    const every = Math.ceil(all.length / Math.max(1, Math.floor((w - 2 * pad) / 48)));
    all.forEach((month, i) => {
      const n = counts.get(month) || 0;
      const bh = (h - 2 * pad) * n / max;
      const x = pad + i * step;
      if (n) {
        const bar = el("rect", { class: "bar", x: x + step * 0.1, y: h - pad - bh, width: Math.max(1, step * 0.8), height: bh,
                                 "data-month": month, "data-count": n });
        bar.append(el("title", {}, month + ": " + n));
        svg.append(bar, el("text", { class: "value", x: x + step / 2, y: h - pad - bh - 3, "text-anchor": "middle" }, n));
      }
      if (i % every === 0) svg.append(el("text", { x: x + step / 2, y: h - pad + 14, "text-anchor": "middle" }, month));
    });
    svg.append(el("line", { x1: pad, y1: h - pad, x2: w - pad, y2: h - pad, stroke: "#999" }));
  }

  function drawProvinces(shown) {
    const svg = document.getElementById("chart-province");
    svg.replaceChildren();
    const counts = Array.from(count(shown, "province")).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const w = svg.clientWidth || 400, label = 190, line = 18;
    const h = Math.max(220, counts.length * line + 16);
    svg.setAttribute("viewBox", "0 0 " + w + " " + h);
    svg.style.height = h + "px";
    if (!counts.length) { svg.append(el("text", { x: 10, y: 20 }, "No province among the rows shown")); return; }
    const max = counts[0][1];
    counts.forEach(([province, n], i) => {
      const y = 8 + i * line;
      const bw = (w - label - 40) * n / max;
      const bar = el("rect", { class: "bar", x: label, y: y, width: bw, height: line - 5, "data-province": province, "data-count": n });
      bar.append(el("title", {}, province + ": " + n));
      svg.append(el("text", { x: label - 6, y: y + line - 8, "text-anchor": "end" }, province),
                 bar, el("text", { class: "value", x: label + bw + 4, y: y + line - 8 }, n));
    });
  }

  function sortBy(th) {
    const column = Array.from(th.parentNode.children).indexOf(th);
    const ascending = th.getAttribute("aria-sort") !== "ascending";
    for (const other of th.parentNode.children) other.setAttribute("aria-sort", "none");
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    const key = (row) => row.cells[column].dataset.sort || "";
    // Empty values go last either way: an undated record is no earlier than a dated one.
    rows.sort((a, b) => (key(a) === "") - (key(b) === "") || (ascending ? 1 : -1) * key(a).localeCompare(key(b)));
    tbody.append(...rows);
  }

  for (const th of table.tHead.rows[0].cells) th.querySelector("button").addEventListener("click", () => sortBy(th));
  for (const input of Object.values(filters)) {
    input.addEventListener("input", apply);
    input.addEventListener("change", apply);
  }
  document.getElementById("f-reset").addEventListener("click", () => {
    for (const input of Object.values(filters)) input.value = "";
    apply();
  });
  window.addEventListener("resize", apply);
  apply();
})();
