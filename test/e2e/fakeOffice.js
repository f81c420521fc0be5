/*
 * A fake Excel host for the task pane's end-to-end tests, served in place of the CDN office.js
 * (the page and the app are the production build, unchanged). `Office.onReady` resolves with
 * host "Excel"; `Excel.run` drives a small recording workbook model: sheets with a cell grid
 * (what `range.formulas`/`values` write is what `values` and the used range read back), defined
 * names, tables, charts, and `worksheet.onChanged` handlers tests can fire. Anything the model
 * does not know is accepted and recorded. Tests read and drive it through `window.__fakeExcel`.
 */
(function () {
  "use strict";
  var log = [];
  var state = { syncs: 0, runs: 0, active: null, sheetAddedHandlers: [], syncDelayMs: 5 };
  var sheets = [];
  var names = [];
  var tables = [];
  var charts = [];

  function officeError(code, message) {
    var e = new Error(message || code);
    e.name = "RichApi.Error";
    e.code = code;
    e.debugInfo = { code: code, message: message || code };
    return e;
  }

  /** Anything else: accepts gets, sets and calls, and records them. */
  function recorder(path) {
    var target = function () {};
    var proxy = new Proxy(target, {
      get: function (_t, prop) {
        if (prop === "then") return undefined;
        if (prop === "load") return function () { return proxy; };
        if (prop === "toJSON") return function () { return path; };
        if (prop === Symbol.toPrimitive) return function () { return path; };
        if (prop === "isNullObject") return false;
        return recorder(path + "." + String(prop));
      },
      set: function (_t, prop, value) {
        log.push({ op: "set", path: path + "." + String(prop), value: value });
        return true;
      },
      apply: function (_t, _this, args) {
        log.push({ op: "call", path: path, args: args.map(function (a) { return typeof a === "object" && a !== null && a.address ? a.address : a; }) });
        return recorder(path + "()");
      },
    });
    return proxy;
  }

  // ---- A1 addresses.
  function colIndex(letters) {
    var n = 0;
    for (var i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
    return n - 1;
  }
  function colLetters(index) {
    var s = "";
    for (var n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  }
  function parseCell(text) {
    var m = /^\$?([A-Z]+)\$?(\d+)$/.exec(text.trim().toUpperCase());
    if (!m) throw officeError("InvalidArgument", "Bad address " + text);
    return { row: Number(m[2]) - 1, col: colIndex(m[1]) };
  }
  function parseRange(address) {
    var a = String(address).split("!").pop();
    var parts = a.split(":");
    var from = parseCell(parts[0]);
    var to = parts[1] ? parseCell(parts[1]) : from;
    return { top: Math.min(from.row, to.row), left: Math.min(from.col, to.col), bottom: Math.max(from.row, to.row), right: Math.max(from.col, to.col) };
  }
  function quoteSheet(name) {
    return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : "'" + name.replace(/'/g, "''") + "'";
  }
  function a1(r) {
    var from = colLetters(r.left) + (r.top + 1);
    var to = colLetters(r.right) + (r.bottom + 1);
    return from === to ? from : from + ":" + to;
  }

  // ---- Ranges.
  function storedValue(v) {
    if (typeof v === "string" && v.charAt(0) === "'") return v.slice(1);
    return v;
  }
  function makeRange(sheet, rect) {
    var range = {
      isNullObject: false,
      format: recorder("range.format"),
      load: function () { return range; },
      untrack: function () { return range; },
      getCell: function (r, c) { return makeRange(sheet, { top: rect.top + r, left: rect.left + c, bottom: rect.top + r, right: rect.left + c }); },
      getRange: function () { return range; },
      merge: function (across) { log.push({ op: "merge", sheet: sheet.name, address: a1(rect), across: !!across }); },
    };
    Object.defineProperty(range, "address", { get: function () { return quoteSheet(sheet.name) + "!" + a1(rect); } });
    Object.defineProperty(range, "rowCount", { get: function () { return rect.bottom - rect.top + 1; } });
    Object.defineProperty(range, "columnCount", { get: function () { return rect.right - rect.left + 1; } });
    var write = function (kind) {
      return function (grid) {
        if (!Array.isArray(grid)) throw officeError("InvalidArgument", kind + " must be a 2-D array");
        var rows = rect.bottom - rect.top + 1;
        var cols = rect.right - rect.left + 1;
        if (grid.length !== rows || grid.some(function (row) { return !Array.isArray(row) || row.length !== cols; })) {
          throw officeError("InvalidArgument", "The number of rows or columns in the input array doesn't match the size or dimensions of the range " + a1(rect));
        }
        log.push({ op: kind, sheet: sheet.name, address: a1(rect), rows: rows, cols: cols });
        if (kind === "numberFormat") return;
        for (var r = 0; r < rows; r++) for (var c = 0; c < cols; c++) {
          var v = storedValue(grid[r][c]);
          var key = (rect.top + r) + "," + (rect.left + c);
          if (v === "" || v === null || v === undefined) sheet.cells.delete(key);
          else sheet.cells.set(key, v);
        }
      };
    };
    var valuesOf = function () {
      var out = [];
      for (var r = rect.top; r <= rect.bottom; r++) {
        var row = [];
        for (var c = rect.left; c <= rect.right; c++) {
          var v = sheet.cells.get(r + "," + c);
          row.push(v === undefined ? "" : v);
        }
        out.push(row);
      }
      return out;
    };
    Object.defineProperty(range, "formulas", { get: valuesOf, set: write("formulas") });
    Object.defineProperty(range, "values", { get: valuesOf, set: write("values") });
    Object.defineProperty(range, "numberFormat", { get: function () { return []; }, set: write("numberFormat") });
    return range;
  }
  function nullObject() {
    var o = { isNullObject: true, load: function () { return o; } };
    return o;
  }
  function usedRect(sheet) {
    var rect = null;
    sheet.cells.forEach(function (_v, key) {
      var p = key.split(",").map(Number);
      if (!rect) rect = { top: p[0], left: p[1], bottom: p[0], right: p[1] };
      else {
        rect.top = Math.min(rect.top, p[0]);
        rect.left = Math.min(rect.left, p[1]);
        rect.bottom = Math.max(rect.bottom, p[0]);
        rect.right = Math.max(rect.right, p[1]);
      }
    });
    return rect;
  }

  // ---- Worksheets.
  function findSheet(name) {
    var lower = String(name).toLowerCase();
    return sheets.find(function (s) { return s.name.toLowerCase() === lower; });
  }
  function makeSheet(name) {
    var sheet = { cells: new Map(), handlers: [], deleted: false };
    var ws = {
      isNullObject: false,
      load: function () { return ws; },
      getRange: function (address) { return makeRange(sheet, parseRange(address || "A1")); },
      getRangeByIndexes: function (r, c, rows, cols) { return makeRange(sheet, { top: r, left: c, bottom: r + rows - 1, right: c + cols - 1 }); },
      getUsedRangeOrNullObject: function () {
        var rect = usedRect(sheet);
        return rect ? makeRange(sheet, rect) : nullObject();
      },
      getUsedRange: function () { return makeRange(sheet, usedRect(sheet) || { top: 0, left: 0, bottom: 0, right: 0 }); },
      activate: function () { state.active = sheet.name; log.push({ op: "activate", sheet: sheet.name }); },
      delete: function () {
        var i = sheets.indexOf(sheet);
        if (i >= 0) sheets.splice(i, 1);
        sheet.deleted = true;
        sheets.forEach(function (s, k) { s.position = k; });
        log.push({ op: "deleteSheet", sheet: sheet.name });
      },
      tables: {
        add: function (range, hasHeaders) {
          var table = makeTable("Table" + (tables.length + 1), ws, range.address);
          log.push({ op: "addTable", sheet: sheet.name, address: range.address, hasHeaders: hasHeaders });
          return table;
        },
        load: function () { return ws.tables; },
        get items() { return tables.filter(function (t) { return t.worksheet === ws; }); },
      },
      charts: {
        add: function (type, range, seriesBy) {
          var chart = recorder("chart");
          charts.push({ sheet: sheet.name, type: type, source: range.address, seriesBy: seriesBy });
          log.push({ op: "addChart", sheet: sheet.name, type: type, source: range.address, seriesBy: seriesBy });
          return chart;
        },
      },
      freezePanes: recorder("freezePanes"),
      pageLayout: recorder("pageLayout"),
      onChanged: { add: function (handler) { sheet.handlers.push(handler); return { remove: function () {} }; } },
      onActivated: { add: function () { return { remove: function () {} }; } },
    };
    Object.defineProperty(ws, "name", {
      get: function () { return sheet.name; },
      set: function (v) { log.push({ op: "renameSheet", from: sheet.name, to: v }); sheet.name = v; },
    });
    Object.defineProperty(ws, "position", {
      get: function () { return sheets.indexOf(sheet); },
      set: function (p) {
        var i = sheets.indexOf(sheet);
        if (i < 0) return;
        sheets.splice(i, 1);
        sheets.splice(Math.min(p, sheets.length), 0, sheet);
      },
    });
    Object.defineProperty(ws, "tabColor", { get: function () { return sheet.tabColor || ""; }, set: function (v) { sheet.tabColor = v; } });
    Object.defineProperty(ws, "visibility", { get: function () { return "Visible"; }, set: function () {} });
    sheet.name = name;
    sheet.ws = ws;
    return sheet;
  }
  function makeTable(name, ws, address) {
    var table = {
      isNullObject: false,
      style: "",
      worksheet: ws,
      load: function () { return table; },
      getRange: function () { return ws.getRange(address); },
      getDataBodyRange: function () { return ws.getRange(address); },
      getHeaderRowRange: function () { return ws.getRange(address); },
      delete: function () { tables.splice(tables.indexOf(table), 1); },
    };
    table.name = name;
    tables.push(table);
    return table;
  }

  var worksheets = {
    load: function () { return worksheets; },
    get items() { return sheets.map(function (s) { return s.ws; }); },
    add: function (name) {
      if (findSheet(name)) throw officeError("ItemAlreadyExists", "A sheet named " + name + " exists");
      var sheet = makeSheet(name);
      sheets.push(sheet);
      log.push({ op: "addSheet", sheet: name });
      state.sheetAddedHandlers.forEach(function (h) { setTimeout(function () { h({ worksheetId: name }); }, 0); });
      return sheet.ws;
    },
    getItem: function (name) {
      var s = findSheet(name);
      if (!s) throw officeError("ItemNotFound", "The requested resource doesn't exist: " + name);
      return s.ws;
    },
    getItemOrNullObject: function (name) {
      var s = findSheet(name);
      return s ? s.ws : nullSheet();
    },
    getActiveWorksheet: function () { return (findSheet(state.active) || sheets[0]).ws; },
    getCount: function () { return { value: sheets.length, load: function () { return this; } }; },
    onAdded: { add: function (h) { state.sheetAddedHandlers.push(h); return { remove: function () {} }; } },
    onDeleted: { add: function () { return { remove: function () {} }; } },
  };
  function nullSheet() {
    var o = {
      isNullObject: true,
      load: function () { return o; },
      getUsedRangeOrNullObject: function () { return nullObject(); },
    };
    return o;
  }

  function makeName(name, formula, comment) {
    var item = {
      name: name,
      formula: formula,
      comment: comment || "",
      visible: true,
      type: "Range",
      isNullObject: false,
      load: function () { return item; },
      delete: function () { names.splice(names.indexOf(item), 1); log.push({ op: "deleteName", name: item.name }); },
    };
    return item;
  }
  var namesCollection = {
    load: function () { return namesCollection; },
    get items() { return names.slice(); },
    add: function (name, reference, comment) {
      if (names.some(function (n) { return n.name.toLowerCase() === String(name).toLowerCase(); })) throw officeError("ItemAlreadyExists", "Name " + name + " exists");
      var item = makeName(name, typeof reference === "string" ? reference : reference && reference.address ? "=" + reference.address : String(reference), comment);
      names.push(item);
      log.push({ op: "addName", name: name });
      return item;
    },
    getItemOrNullObject: function (name) {
      return names.find(function (n) { return n.name.toLowerCase() === String(name).toLowerCase(); }) || nullObject();
    },
  };
  var tablesCollection = {
    load: function () { return tablesCollection; },
    get items() { return tables.slice(); },
    getItemOrNullObject: function (name) {
      return tables.find(function (t) { return t.name.toLowerCase() === String(name).toLowerCase(); }) || nullObject();
    },
    getItem: function (name) {
      var t = tables.find(function (x) { return x.name.toLowerCase() === String(name).toLowerCase(); });
      if (!t) throw officeError("ItemNotFound", "No table " + name);
      return t;
    },
  };
  var application = {
    suspendApiCalculationUntilNextSync: function () { log.push({ op: "suspendCalc" }); },
    suspendScreenUpdatingUntilNextSync: function () { log.push({ op: "suspendScreen" }); },
    calculationMode: "Automatic",
    load: function () { return application; },
  };
  var workbook = {
    worksheets: worksheets,
    names: namesCollection,
    tables: tablesCollection,
    application: application,
    load: function () { return workbook; },
  };

  var context = {
    workbook: workbook,
    application: application,
    trackedObjects: { add: function () {}, remove: function () {} },
    sync: function () {
      state.syncs++;
      return new Promise(function (resolve) { setTimeout(resolve, state.syncDelayMs); });
    },
  };

  window.Excel = {
    run: function (batch) {
      state.runs++;
      return Promise.resolve().then(function () { return batch(context); });
    },
  };
  window.OfficeExtension = { Error: Error };
  // The shared runtime's custom functions register here in Excel.
  window.CustomFunctions = { associate: function (id) { log.push({ op: "associate", id: id }); } };

  var readyInfo = { host: "Excel", platform: "OfficeOnline", addin: null };
  window.Office = {
    HostType: { Excel: "Excel" },
    PlatformType: { OfficeOnline: "OfficeOnline" },
    onReady: function (callback) {
      var p = new Promise(function (resolve) { setTimeout(function () { resolve(readyInfo); }, 10); });
      if (typeof callback === "function") p.then(callback);
      return p;
    },
    context: {
      host: "Excel",
      requirements: {
        isSetSupported: function (name, version) {
          return name === "ExcelApi" && Number(version) <= 1.9;
        },
      },
    },
    actions: { associate: function () {} },
  };

  window.__fakeExcel = {
    log: log,
    state: state,
    charts: charts,
    sheetNames: function () { return sheets.map(function (s) { return s.name; }); },
    nameList: function () { return names.map(function (n) { return n.name; }); },
    /** The value a cell holds (what a formula or value write left there). */
    cell: function (sheetName, address) {
      var s = findSheet(sheetName);
      if (!s) return undefined;
      var p = parseCell(address);
      return s.cells.get(p.row + "," + p.col);
    },
    /** A user edit: set one cell, then fire the sheet's onChanged handlers. */
    edit: function (sheetName, address, value) {
      var s = findSheet(sheetName);
      if (!s) throw new Error("No sheet " + sheetName);
      var p = parseCell(address);
      s.cells.set(p.row + "," + p.col, value);
      s.handlers.forEach(function (h) { h({ worksheetId: s.name, address: address, changeType: "RangeEdited", source: "Local" }); });
    },
    /** Find the row whose column F (the input's JSON path) is `key` on TCO Inputs: its value cell. */
    inputCell: function (key) {
      var s = findSheet("TCO Inputs");
      if (!s) return null;
      var found = null;
      s.cells.forEach(function (v, k) {
        var p = k.split(",").map(Number);
        if (p[1] === 5 && v === key) found = "C" + (p[0] + 1);
      });
      return found;
    },
  };
})();
