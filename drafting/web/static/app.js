"use strict";
// The page's behaviour: tabs, the unit search box, and each form sent to the JSON API. No library, no build step.

const $ = (id) => document.getElementById(id);

function show(id, on) { $(id).hidden = !on; }

function fail(prefix, text) {
  const box = $(prefix + "-error");
  box.textContent = text;
  box.hidden = false;
}

async function errorText(response) {
  try { return (await response.json()).error || response.statusText; } catch (e) { return response.statusText; }
}

function fileNameOf(response, fallback) {
  const header = response.headers.get("Content-Disposition") || "";
  const star = header.match(/filename\*=UTF-8''([^;]+)/i);
  if (star) return decodeURIComponent(star[1]);
  const plain = header.match(/filename="([^"]+)"/i);
  return plain ? plain[1] : fallback;
}

function offer(link, blob, name) {
  if (link.href && link.href.startsWith("blob:")) URL.revokeObjectURL(link.href);
  link.href = URL.createObjectURL(blob);
  link.download = name;
}

function list(id, items) {
  const target = $(id);
  target.replaceChildren(...items.map((text) => { const li = document.createElement("li"); li.textContent = text; return li; }));
}

// One busy indicator per form; the work itself is a fetch.
async function busy(prefix, work) {
  const button = $(prefix + "-submit");
  $(prefix + "-error").hidden = true;
  button.disabled = true;
  show(prefix + "-busy", true);
  try { await work(); } catch (e) { fail(prefix, "Không gửi được yêu cầu: " + e.message); }
  finally { button.disabled = false; show(prefix + "-busy", false); }
}

// --- tabs ---------------------------------------------------------------------------------------------------
document.querySelectorAll("nav button").forEach((tab) => tab.addEventListener("click", () => {
  document.querySelectorAll("nav button").forEach((other) => other.setAttribute("aria-selected", String(other === tab)));
  document.querySelectorAll("[data-panel]").forEach((panel) => { panel.hidden = panel.dataset.panel !== tab.dataset.tab; });
}));

// --- draft: outline, unit search, draft ---------------------------------------------------------------------
$("draft-file").addEventListener("change", async () => {
  const file = $("draft-file").files[0];
  $("draft-error").hidden = true;
  if (!file) return;
  const body = new FormData();
  body.append("file", file);
  $("draft-outline").textContent = "Đang đọc…";
  show("draft-outline-box", true);
  const response = await fetch("api/parse?format=outline", { method: "POST", body });
  if (!response.ok) { show("draft-outline-box", false); fail("draft", await errorText(response)); return; }
  $("draft-outline").textContent = await response.text();
});

let searchTimer = null;
async function searchUnits() {
  const q = $("draft-unit-search").value.trim();
  const province = $("draft-province").value;
  if (!q) { $("draft-unit-list").replaceChildren(); return; }
  const response = await fetch("api/units?" + new URLSearchParams({ province, q }));
  if (!response.ok) { fail("draft", await errorText(response)); return; }
  const units = await response.json();
  $("draft-unit-list").replaceChildren(...units.map((unit) => {
    const li = document.createElement("li");
    li.textContent = unit.full + " (" + unit.province_full + ")";
    li.tabIndex = 0;
    li.setAttribute("role", "option");
    li.dataset.full = unit.full;
    li.dataset.province = unit.province;
    const pick = () => {
      $("draft-unit").value = unit.full;
      $("draft-province").value = unit.province;
      $("draft-unit-chosen").textContent = "Đã chọn: " + li.textContent;
      $("draft-unit-list").replaceChildren();
      $("draft-unit-search").value = unit.full;
    };
    li.addEventListener("click", pick);
    li.addEventListener("keydown", (event) => { if (event.key === "Enter") { event.preventDefault(); pick(); } });
    return li;
  }));
}
$("draft-unit-search").addEventListener("input", () => { clearTimeout(searchTimer); searchTimer = setTimeout(searchUnits, 150); });
$("draft-province").addEventListener("change", searchUnits);

$("draft-form").addEventListener("submit", (event) => {
  event.preventDefault();
  if (!$("draft-unit").value) { fail("draft", "Hãy chọn đơn vị: gõ một phần tên rồi bấm vào tên trong danh sách."); return; }
  busy("draft", async () => {
    show("draft-result", false);
    const form = new FormData($("draft-form"));
    const [explained, docx] = await Promise.all([
      fetch("api/draft/explain", { method: "POST", body: form }),
      fetch("api/draft", { method: "POST", body: form }),
    ]);
    if (!explained.ok) { fail("draft", await errorText(explained)); return; }
    if (!docx.ok) { fail("draft", await errorText(docx)); return; }
    const data = await explained.json();
    const name = fileNameOf(docx, "du-thao.docx");
    offer($("draft-download"), await docx.blob(), name);
    $("draft-download").textContent = "Tải về " + name;
    list("draft-todo", data.todo.length ? data.todo : ["Không còn gì phải điền."]);
    list("draft-outcomes", data.outcomes_text);
    $("draft-changes-summary").textContent = "Các câu đã sửa (" + data.changes.length + ")";
    list("draft-changes", data.changes.map((c) => "[" + c.rule + "] " + c.where + ": " + c.after));
    show("draft-result", true);
  });
});

// --- batch --------------------------------------------------------------------------------------------------
const STATUS = { drafted: "đã soạn", up_to_date: "không đổi", failed: "lỗi" };

$("batch-sheet-link").addEventListener("click", (event) => {
  event.preventDefault();
  busy("batch", async () => {
    const form = new FormData($("batch-form"));
    form.delete("data");
    const response = await fetch("api/batch/sheet", { method: "POST", body: form });
    if (!response.ok) { fail("batch", await errorText(response)); return; }
    const link = document.createElement("a");
    offer(link, await response.blob(), fileNameOf(response, "mau-so-lieu.xlsx"));
    document.body.appendChild(link); link.click(); link.remove();
  });
});

$("batch-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const started = Date.now();
  const timer = setInterval(() => { $("batch-seconds").textContent = Math.round((Date.now() - started) / 1000); }, 500);
  busy("batch", async () => {
    show("batch-result", false);
    const response = await fetch("api/batch?format=json", { method: "POST", body: new FormData($("batch-form")) });
    if (!response.ok) { fail("batch", await errorText(response)); return; }
    const data = await response.json();
    const bytes = Uint8Array.from(atob(data.zip_base64), (c) => c.charCodeAt(0));
    offer($("batch-download"), new Blob([bytes], { type: "application/zip" }), data.zip_name);
    $("batch-summary").textContent = "Đã soạn " + data.drafted + " kế hoạch, " + data.failed + " lỗi, trong "
      + String(data.seconds).replace(".", ",") + " giây." + (data.notes.length ? " Lưu ý: " + data.notes.join(" ") : "");
    $("batch-entries").replaceChildren(...data.entries.map((entry) => {
      const tr = document.createElement("tr");
      for (const value of [entry.code, entry.name, entry.file, (STATUS[entry.status] || entry.status) + (entry.error ? ": " + entry.error : "")]) {
        const td = document.createElement("td"); td.textContent = value ?? ""; tr.appendChild(td);
      }
      return tr;
    }));
    show("batch-result", true);
  }).finally(() => clearInterval(timer));
});

// --- diff ---------------------------------------------------------------------------------------------------
$("diff-form").addEventListener("submit", (event) => {
  event.preventDefault();
  busy("diff", async () => {
    show("diff-result", false);
    const form = new FormData($("diff-form"));
    const [html, table, json] = await Promise.all(["html", "table", "json"].map(
      (format) => fetch("api/diff?format=" + format, { method: "POST", body: form })));
    if (!html.ok) { fail("diff", await errorText(html)); return; }
    const page = await html.text();
    $("diff-frame").srcdoc = page;
    offer($("diff-html-download"), new Blob([page], { type: "text/html" }), "so-sanh.html");
    if (table.ok) offer($("diff-table-download"), await table.blob(), fileNameOf(table, "bang-so-sanh.docx"));
    if (json.ok) offer($("diff-json-download"), await json.blob(), "so-sanh.json");
    show("diff-result", true);
  });
});

// --- check --------------------------------------------------------------------------------------------------
$("check-form").addEventListener("submit", (event) => {
  event.preventDefault();
  busy("check", async () => {
    show("check-result", false);
    const response = await fetch("api/check", { method: "POST", body: new FormData($("check-form")) });
    if (!response.ok) { fail("check", await errorText(response)); return; }
    const report = await response.json();
    const errors = report.findings.filter((f) => f.severity !== "warning").length;
    $("check-summary").textContent = report.findings.length
      ? report.path + ": " + errors + " lỗi thể thức, " + (report.findings.length - errors) + " lưu ý."
      : report.path + ": không phát hiện sai lệch nào so với thể thức Nghị định 30/2020/NĐ-CP.";
    const coverage = report.coverage;
    const unchecked = report.results.filter((r) => r.status === "not_evaluated");
    $("check-coverage").textContent = "Đã kiểm tra " + coverage.evaluated + "/" + coverage.applicable
      + " quy tắc áp dụng cho văn bản này."
      + (unchecked.length ? " Chưa kiểm tra được: " + unchecked.map((r) => r.rule + (r.reason ? " (" + r.reason + ")" : "")).join("; ") + "." : "");
    $("check-findings").replaceChildren(...report.findings.map((f, index) => {
      const tr = document.createElement("tr");
      tr.className = f.severity === "warning" ? "warning" : "err";
      const where = f.where + (f.excerpt ? " «" + f.excerpt + "»" : "");
      for (const value of [index + 1, f.rule + (f.severity === "warning" ? " (lưu ý)" : ""), where, f.found + " → " + f.expected, f.message]) {
        const td = document.createElement("td"); td.textContent = value; tr.appendChild(td);
      }
      return tr;
    }));
    show("check-result", true);
  });
});

// --- report: the workbook to fill, the Báo cáo, the consolidation -------------------------------------------
function fromBase64(text, type) {
  return new Blob([Uint8Array.from(atob(text), (c) => c.charCodeAt(0))], { type });
}
const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

$("report-sheet-link").addEventListener("click", (event) => {
  event.preventDefault();
  if (!$("report-file").files[0]) { fail("report", "Hãy chọn kế hoạch (bước 1) trước khi tải bảng số liệu."); return; }
  busy("report", async () => {
    show("report-sheet-done", false);
    const form = new FormData($("report-form"));
    form.delete("data");
    const response = await fetch("api/report/sheet", { method: "POST", body: form });
    if (!response.ok) { fail("report", await errorText(response)); return; }
    const name = fileNameOf(response, "so-lieu-bao-cao.xlsx");
    const link = document.createElement("a");
    offer(link, await response.blob(), name);
    document.body.appendChild(link); link.click(); link.remove();
    $("report-sheet-done").textContent = "Đã tải " + name + ": " + response.headers.get("X-Targets") + " chỉ tiêu, "
      + response.headers.get("X-Tasks") + " nhiệm vụ để điền.";
    show("report-sheet-done", true);
  });
});

// A form whose endpoint answers JSON with the DOCX in base64 and a to-do list: the file offered, the list shown.
function sendForFile(prefix, url, render) {
  $(prefix + "-form").addEventListener("submit", (event) => {
    event.preventDefault();
    busy(prefix, async () => {
      show(prefix + "-result", false);
      const response = await fetch(url, { method: "POST", body: new FormData($(prefix + "-form")) });
      if (!response.ok) { fail(prefix, await errorText(response)); return; }
      const data = await response.json();
      offer($(prefix + "-download"), fromBase64(data.file_base64, DOCX_TYPE), data.file_name);
      $(prefix + "-download").textContent = "Tải về " + data.file_name;
      render(data);
      list(prefix + "-todo", data.todo.length ? data.todo : ["Không còn gì phải điền."]);
      show(prefix + "-result", true);
    });
  });
}

sendForFile("report", "api/report?format=json", (data) => {
  $("report-summary").textContent = "Báo cáo " + data.period + " của " + (data.unit || "đơn vị")
    + (data.data ? ", số liệu từ " + data.data : ", chưa có bảng số liệu") + ".";
});

sendForFile("consolidate", "api/consolidate?format=json", (data) => {
  const due = data.due ? " (hạn " + data.due.split("-").reverse().join("/") + ")" : " (kế hoạch không nói hạn gửi)";
  const rows = [
    ["Đã báo cáo", data.reported + "/" + data.expected, data.units.reported],
    ["Chưa báo cáo", data.missing, data.units.missing],
    ["Gửi muộn" + due, data.late, data.units.late],
    ["Không ghi ngày", data.units.undated.length, data.units.undated],
    ["Bảng số liệu không cộng được", data.units.malformed.length, data.units.malformed],
  ];
  $("consolidate-counts").replaceChildren(...rows.map(([label, count, units]) => {
    const tr = document.createElement("tr");
    for (const value of [label, String(count), units.join(", ")]) {
      const td = document.createElement("td"); td.textContent = value; tr.appendChild(td);
    }
    return tr;
  }));
});
