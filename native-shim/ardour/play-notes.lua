-- Ardour 7 without a GUI or audio hardware (ardour7-lua, "None (Dummy)" backend): create a session, add a
-- MIDI track with an instrument plugin, prove the instrument is really on the track, and play notes into the
-- track's input while the engine runs. Run through run-ardour.sh, which prepares the configuration and the
-- plugin cache this needs.
--
-- Arguments, key=value (all but session have defaults):
--   session=DIR     new session directory (must not exist yet)
--   plugin=NAME     instrument as Ardour lists it            (Haptic Controller)
--   type=VST3|LV2   its plugin standard                      (VST3)
--   notes=N         notes to play, one after another        (4)
--   hold=SECONDS    how long each note is held               (0.5)
--   gap=SECONDS     silence after each note                  (1.0)
--   tail=SECONDS    wait after the last note before closing  (2.0)
--   block=FRAMES    the engine's buffer size                 (256)
--   pattern=simple|timed  simple: notes=/hold=/gap= written as immediate events (they land on block starts);
--                   timed: timing-notes.lua, inserted before the instrument, plays its sample-exact pattern
--                   (eight notes 3 ms apart, a 10 ms note, a 200 ms reference) once, then tail= follows
--   start=stdin     wait for a line on standard input before the first note (a test starts the notes once
--                   the plugin has reached its server), or start=SECONDS to wait that long instead (1.0)
--
-- Standard output, one line per step (a test parses these):
--   backend <name> <rate> <block>   engine running
--   instrument <name> <type> <uid>  the instrument is on the track and configured for MIDI in
--   ready                           waiting as start= says
--   noteon <i> <pitch> / noteoff <i> <pitch>
--   released                        every note is off; tail follows
--   processed min/avg/max ...       the instrument's process() ran (Ardour's DSP statistics)
--   done
-- Any failed check raises an error: ardour7-lua prints it and exits with status 1.

local opts = {
	plugin = "Haptic Controller", type = "VST3", notes = "4", hold = "0.5", gap = "1.0", tail = "2.0",
	start = "1.0", block = "256", pattern = "simple",
}
for _, a in ipairs (arg) do
	local k, v = string.match (a, "^([%w_]+)=(.*)$")
	if not k or (opts[k] == nil and k ~= "session") then
		error ("unknown argument '" .. a .. "' (expected key=value, see the top of this script)")
	end
	opts[k] = v
end
if not opts.session then error ("session=DIR is required") end

-- ardour7-lua's print() goes to a buffered std::cout; a test reading a pipe needs each line now.
local function say (...)
	io.stdout:write (table.concat ({...}, " "), "\n")
	io.stdout:flush ()
end

local function number (key)
	local n = tonumber (opts[key])
	if not n or n < 0 then error (key .. "=" .. opts[key] .. " is not a non-negative number") end
	return n
end

local plugin_types = { VST3 = ARDOUR.PluginType.VST3, LV2 = ARDOUR.PluginType.LV2 }
local plugin_type = plugin_types[opts.type]
if not plugin_type then error ("type=" .. opts.type .. ": VST3 or LV2") end
local notes, hold, gap, tail = number ("notes"), number ("hold"), number ("gap"), number ("tail")

-- Ardour hides the dummy backend unless the config says hide-dummy-backend=0; then set_backend fails.
if not AudioEngine:set_backend ("None (Dummy)", "", "") then
	local names = {}
	for _, b in ipairs (AudioEngine:available_backends ():table ()) do names[#names + 1] = b.name end
	error ("no \"None (Dummy)\" backend (hide-dummy-backend not 0 in the config?); available: "
		.. table.concat (names, ", "))
end
AudioEngine:set_buffer_size (number ("block"))
-- create_session starts the engine at this rate; plugins are discovered (from the scanner's cache only)
-- when the engine first starts.
if not create_session (opts.session, "haptic", 48000) then
	error ("create_session failed for " .. opts.session .. ": " .. AudioEngine:get_last_backend_error ())
end
say ("backend", AudioEngine:current_backend_name (), Session:nominal_sample_rate (), Session:get_block_size ())

local info = ARDOUR.LuaAPI.new_plugin_info (opts.plugin, plugin_type)
if info:isnil () then
	local known = {}
	for p in ARDOUR.LuaAPI.list_plugins ():iter () do
		if p.type == plugin_type then known[#known + 1] = "'" .. p.name .. "'" end
	end
	error (opts.type .. " plugin '" .. opts.plugin .. "' is unknown to Ardour (not scanned, or not on VST3_PATH); "
		.. "known " .. opts.type .. " plugins: " .. table.concat (known, ", "))
end

local tracks = Session:new_midi_track (
	ARDOUR.ChanCount (ARDOUR.DataType ("midi"), 1), ARDOUR.ChanCount (ARDOUR.DataType ("audio"), 2),
	true, info, nil, nil, 1, "Haptic", ARDOUR.PresentationInfo.max_order, ARDOUR.TrackMode.Normal, true)
if tracks:size () ~= 1 then error ("new_midi_track made " .. tracks:size () .. " tracks") end
local route = tracks:front ()
local track = route:to_track ():to_midi_track ()

-- A plugin that fails to instantiate leaves a track without it (or, from a saved session, an
-- UnknownProcessor stub): require a live insert of exactly this plugin, wired for MIDI in.
local proc = route:the_instrument ()
if proc:isnil () then error ("the track has no instrument: '" .. opts.plugin .. "' did not load") end
if not proc:to_unknownprocessor ():isnil () then error ("the instrument is a stub: " .. proc:name ()) end
local insert = proc:to_plugininsert ()
if insert:isnil () or insert:get_count () < 1 then error ("the instrument is not a plugin insert") end
local plugin = insert:plugin (0)
if plugin:name () ~= opts.plugin or insert:type () ~= plugin_type or plugin:unique_id () ~= info.unique_id then
	error ("the instrument is '" .. plugin:name () .. "' (" .. plugin:unique_id () .. "), not '" .. opts.plugin
		.. "' (" .. info.unique_id .. ")")
end
if route:nth_plugin (0):name () ~= opts.plugin then error ("the instrument is not the track's first plugin") end
if not insert:active () then error ("the instrument insert is not active") end
if insert:natural_input_streams ():n_midi () < 1 then error ("the instrument takes no MIDI") end
say ("instrument", plugin:name (), opts.type, plugin:unique_id ())

local generator = nil
if opts.pattern == "timed" then
	generator = ARDOUR.LuaAPI.new_luaproc (Session, "Haptic Timing Notes")
	if generator:isnil () then error ("no Lua DSP 'Haptic Timing Notes' (timing-notes.lua on the script path?)") end
	route:add_processor_by_index (generator, 0, nil, true)
	if route:nth_plugin (0):name () ~= "Haptic Timing Notes" then error ("the pattern generator is not first") end
	say ("generator", route:nth_plugin (0):name ())
elseif opts.pattern ~= "simple" then
	error ("pattern=" .. opts.pattern .. ": simple or timed")
end

say ("ready")
if opts.start == "stdin" then
	if io.stdin:read ("l") == nil then error ("standard input closed before the go line") end
else
	sleep (number ("start"))
end

-- Immediate events enter the track's input at the next cycle, whether or not the transport rolls.
local function send (status, pitch, velocity)
	local bytes = C.ByteVector ()
	bytes:add ({ status, pitch, velocity })
	if not track:write_immediate_event (Evoral.EventType.MIDI_EVENT, bytes:size (), bytes:to_array ()) then
		error ("the track's immediate-event buffer is full")
	end
end

if generator then
	ARDOUR.LuaAPI.set_processor_param (generator, 0, 1)
	say ("pattern", "started")
	notes = 0
end
for i = 1, notes do
	local pitch = 48 + (i - 1) * 5 % 36
	send (0x90, pitch, 100)
	say ("noteon", i, pitch)
	sleep (hold)
	send (0x80, pitch, 64)
	say ("noteoff", i, pitch)
	sleep (gap)
end
say ("released")
sleep (tail)

-- Ardour times every process() call of an insert since it was added; none means the plugin never ran.
local ok, stats = insert:get_stats (0, 0, 0, 0)
if not ok then error ("Ardour has no process() statistics for the instrument: it never ran") end
say ("processed", string.format ("min %d avg %.0f max %d us", stats[1], stats[3], stats[2]))
say ("done")
