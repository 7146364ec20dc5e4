-- Drives Neovim's built-in LSP client against `readonce lsp`: waits for the double read's
-- diagnostic, asks for code actions as vim.lsp.buf.code_action does, applies the quick fix with
-- the client's own workspace-edit machinery, waits for the diagnostic to go, and writes what it
-- saw to $READONCE_E2E_OUT. Any failure exits Neovim with a non-zero code.
local out = {}
local function say(line) table.insert(out, line) end

local ok, err = pcall(function()
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'readonce',
    cmd = vim.fn.json_decode(os.getenv('READONCE_LSP_CMD')),
    root_dir = os.getenv('READONCE_ROOT'),
  })
  assert(client_id, 'the client did not start')
  vim.lsp.buf_attach_client(bufnr, client_id)

  local function find(code)
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.code == code then return d end
    end
  end

  assert(vim.wait(180000, function() return find('UnlockedReread') ~= nil end, 100),
    'no UnlockedReread diagnostic arrived')
  local d = find('UnlockedReread')
  local plain = find('PlainSlotRead')
  say(string.format('diagnostic %s %d:%d-%d:%d severity=%d', d.code, d.lnum, d.col, d.end_lnum,
    d.end_col, d.severity))
  if plain then say(string.format('diagnostic %s severity=%d', plain.code, plain.severity)) end
  say('href ' .. tostring(d.user_data.lsp.codeDescription and d.user_data.lsp.codeDescription.href))

  vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
  local params = vim.lsp.util.make_range_params()
  params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, d.lnum) }
  local results = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 60000)
  local applied = false
  for _, response in pairs(results or {}) do
    for _, action in ipairs(response.result or {}) do
      if not applied and action.kind == 'quickfix' and action.title:find('UnlockedReread') then
        say('action ' .. action.title)
        vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
        applied = true
      end
    end
  end
  assert(applied, 'no UnlockedReread quick fix was offered')

  assert(vim.wait(180000, function() return find('UnlockedReread') == nil end, 100),
    'the UnlockedReread diagnostic stayed after the fix')
  say('gone UnlockedReread')
  say('remaining ' .. #vim.diagnostic.get(bufnr))
  for _, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    say('buffer ' .. line)
  end
end)

if not ok then say('ERROR ' .. tostring(err)) end
vim.fn.writefile(out, os.getenv('READONCE_E2E_OUT'))
vim.lsp.stop_client(vim.lsp.get_active_clients())
if ok then vim.cmd('qall!') else vim.cmd('cquit 1') end
