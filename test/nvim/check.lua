-- The headless Neovim check (run by test/nvim/run.ts, from `npm test`): loads the README's Neovim config as a user
-- would, opens articles of a copy of the seeds corpus and drives the server through Neovim's own LSP client.
-- Prints `ok - …` / `not ok - …` per check, then quits with 0 when every check passed.
local root = assert(vim.env.CORPUS_CHECK_ROOT, 'CORPUS_CHECK_ROOT')
local results = { passed = 0, failed = 0 }
local function out(line) io.stdout:write(line .. '\n') end
local function check(name, ok, detail)
  if ok then
    results.passed = results.passed + 1
    out('ok - ' .. name)
  else
    results.failed = results.failed + 1
    out('not ok - ' .. name .. (detail and (': ' .. detail) or ''))
  end
  return ok
end
local function wait(ms, cond) return vim.wait(ms, cond, 20) end

-- What the server says with window/showMessage, kept (and still shown) for the checks below.
local shown = {}
local show = vim.lsp.handlers['window/showMessage']
vim.lsp.handlers['window/showMessage'] = function(err, result, ctx, config)
  table.insert(shown, result.message)
  return show(err, result, ctx, config)
end

local ok, err = pcall(dofile, assert(vim.env.CORPUS_CHECK_CONFIG, 'CORPUS_CHECK_CONFIG'))
if not check('the README config loads', ok, tostring(err)) then vim.cmd('cquit! 1') end

local function find(buf, needle) -- 0-based row and byte column of the first occurrence
  for row, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, true)) do
    local col = line:find(needle, 1, true)
    if col then return row - 1, col - 1 end
  end
end
local function params_at(buf, needle, extra)
  local row, col = find(buf, needle)
  local line = vim.api.nvim_buf_get_lines(buf, row, row + 1, true)[1]
  local _, character = vim.str_utfindex(line, col + 1)
  return vim.tbl_extend('force', { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = row, character = character } }, extra or {})
end
local function request(buf, method, params)
  local responses = vim.lsp.buf_request_sync(buf, method, params, 10000) or {}
  for _, r in pairs(responses) do return r.result, r.err end
end

local function main()
  -- Diagnostics, with the README's settings (dates as hints) applied through workspace/didChangeConfiguration.
  vim.cmd('edit ' .. root .. '/seeds/003_0e5bd4099b662286.txt')
  local b003 = vim.api.nvim_get_current_buf()
  local function hinted_date()
    for _, d in ipairs(vim.diagnostic.get(b003)) do
      if tostring(d.code):match('^date%.') and d.severity == vim.diagnostic.severity.HINT then return true end
    end
  end
  wait(30000, hinted_date)
  local diagnostics = vim.diagnostic.get(b003)
  local names = 0
  for _, d in ipairs(diagnostics) do
    if d.source == 'corpus' and d.message:find('Vilay Lakhamphong', 1, true) then names = names + 1 end
  end
  check('diagnostics: ' .. #diagnostics .. ' on seed 003, names among them', names > 0, #diagnostics .. ' diagnostics')
  check('settings reach the server (init_options): dates are hints', hinted_date() == true)

  -- Settings changed while the server runs (workspace/didChangeConfiguration), then back.
  local client = vim.lsp.get_active_clients()[1]
  local function dates_shown()
    for _, d in ipairs(vim.diagnostic.get(b003)) do
      if tostring(d.code):match('^date%.') then return true end
    end
    return false
  end
  client.notify('workspace/didChangeConfiguration', { settings = { corpusAnnotator = { dates = { severity = 'off' } } } })
  wait(15000, function() return not dates_shown() and #vim.diagnostic.get(b003) > 0 end)
  check('settings changed by workspace/didChangeConfiguration apply', not dates_shown())
  client.notify('workspace/didChangeConfiguration', { settings = client.config.init_options.settings })
  wait(15000, hinted_date)

  -- Hover on a name.
  local hover = request(b003, 'textDocument/hover', params_at(b003, 'Lakhamphong'))
  local text = hover and hover.contents and (hover.contents.value or vim.inspect(hover.contents)) or ''
  check('hover names the person', text:find('Vilay Lakhamphong', 1, true) and text:find('Person', 1, true), text:sub(1, 200))

  -- References of a name across the corpus.
  local refs = request(b003, 'textDocument/references', params_at(b003, 'Laos', { context = { includeDeclaration = true } })) or {}
  local files = {}
  for _, loc in ipairs(refs) do files[loc.uri] = true end
  check('references span the corpus: ' .. #refs .. ' mentions in ' .. vim.tbl_count(files) .. ' articles', vim.tbl_count(files) >= 3)

  -- The timeline request with Neovim's `{}` (sent as `[]`): answered, not crashed.
  local timeline, terr = request(b003, 'corpusAnnotator/timeline', {})
  check('timeline answers params sent as []', timeline and #timeline.items > 0, terr and terr.message)

  -- Code actions offer only what Neovim can run (no client-side commands).
  local function action_commands(buf, needle, codeprefix)
    local row = find(buf, needle)
    local diags = {}
    for _, d in ipairs(vim.lsp.diagnostic.get_line_diagnostics(buf, row)) do
      if tostring(d.code):match(codeprefix) then
        -- The diagnostic of the needle first: fixes are offered for the name under the cursor (its range) only.
        if d.message:find(needle, 1, true) then table.insert(diags, 1, d) else table.insert(diags, d) end
      end
    end
    local actions = request(buf, 'textDocument/codeAction', {
      textDocument = { uri = vim.uri_from_bufnr(buf) }, range = diags[1] and diags[1].range or { start = { line = row, character = 0 }, ['end'] = { line = row, character = 0 } },
      context = { diagnostics = diags },
    }) or {}
    local commands, titles = {}, {}
    for _, a in ipairs(actions) do
      table.insert(commands, a.command and a.command.command or '')
      table.insert(titles, a.title)
    end
    return commands, titles
  end
  local commands, titles = action_commands(b003, 'Vilay Lakhamphong', '^entity%.')
  local client_only = vim.tbl_filter(function(c) return not c:match('^corpusAnnotator%.server%.') end, commands)
  check('entity quick fixes are server commands only (' .. #commands .. ')', #commands > 0 and #client_only == 0, table.concat(client_only, ', '))
  check('quick-fix titles read well', vim.tbl_contains(titles, 'Vilay Lakhamphong is an organisation, not a person'), table.concat(titles, ' | '))

  -- Tag a visual selection with the README's :CorpusTag, on a line with curly quotes (3 bytes, 1 UTF-16 unit each).
  vim.cmd('edit ' .. root .. '/seeds/001_1f87558668262b9a.txt')
  local b001 = vim.api.nvim_get_current_buf()
  wait(10000, function() return #vim.diagnostic.get(b001) > 0 end)
  local passage = '“great bilateral relations”'
  local row, col = find(b001, passage)
  vim.api.nvim_win_set_cursor(0, { row + 1, col })
  vim.cmd('normal! v' .. (vim.fn.strchars(passage) - 1) .. 'l\27')
  vim.cmd("'<,'>CorpusTag relations ties between armies")
  local uri001 = vim.uri_from_bufnr(b001)
  local function tags_of(buf)
    local r = request(buf, 'corpusAnnotator/listTags', { uri = vim.uri_from_bufnr(buf) })
    return r and r.tags or {}
  end
  wait(10000, function() return #tags_of(b001) > 0 end)
  local tag = tags_of(b001)[1]
  check(':CorpusTag tags the visual selection', tag and tag.quote == passage and tag.tag == 'relations' and tag.note == 'ties between armies', vim.inspect(tag))
  wait(3000, function() return #shown > 0 end)
  check('the server says what the tag command did', shown[#shown] and shown[#shown]:find('tag “relations” added to: “great bilateral relations”', 1, true), vim.inspect(shown))
  local sidecar = root .. '/annotations/seeds/001_1f87558668262b9a.yaml'
  check('the sidecar is written', vim.fn.filereadable(sidecar) == 1 and table.concat(vim.fn.readfile(sidecar), '\n'):find('tag: relations', 1, true))

  -- Untag it with the cursor inside the passage.
  vim.api.nvim_win_set_cursor(0, { row + 1, col + 8 })
  vim.cmd('CorpusUntag')
  wait(10000, function() return #tags_of(b001) == 0 end)
  check(':CorpusUntag removes the tag under the cursor', #tags_of(b001) == 0)

  -- An entity correction, then the README's :CorpusUndoEntity takes it back.
  local registry = root .. '/annotations/entities.yaml'
  local function registry_has(text)
    return vim.fn.filereadable(registry) == 1 and table.concat(vim.fn.readfile(registry), '\n'):find(text, 1, true) ~= nil
  end
  request(b001, 'workspace/executeCommand', { command = 'corpusAnnotator.server.registry.notEntity', arguments = { { text = 'Party' } } })
  wait(10000, function() return registry_has('Party') end)
  vim.cmd('CorpusUndoEntity')
  wait(10000, function() return not registry_has('Party') end)
  check(':CorpusUndoEntity undoes the last entity correction', registry_has('notEntities') and not registry_has('Party'))

  -- A colleague's tag arrives on disk (a git pull): Neovim watches nothing, so the server must notice by itself.
  local b003text = table.concat(vim.api.nvim_buf_get_lines(b003, 0, -1, true), '\n')
  local quote = 'Vilay Lakhamphong'
  local start = vim.str_utfindex(b003text, b003text:find(quote, 1, true) - 1)
  vim.fn.mkdir(root .. '/annotations/seeds', 'p')
  vim.fn.writefile({
    'version: 1', 'document: seeds/003_0e5bd4099b662286.txt', 'tags:', '  - id: t-colleague', '    tag: leaders',
    '    quote: ' .. quote, '    start: ' .. start, '    end: ' .. (start + #quote),
  }, root .. '/annotations/seeds/003_0e5bd4099b662286.yaml')
  wait(10000, function() return #tags_of(b003) > 0 end)
  local pulled = tags_of(b003)[1]
  check('a sidecar changed on disk is picked up', pulled and pulled.tag == 'leaders' and pulled.range ~= nil, vim.inspect(pulled))
end

local finished, failure = xpcall(main, debug.traceback)
check('the check ran to its end', finished, failure)
out(('nvim: %d passed, %d failed'):format(results.passed, results.failed))
vim.cmd(results.failed == 0 and 'qall!' or 'cquit! 1')
