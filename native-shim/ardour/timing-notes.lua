ardour {
	["type"]    = "dsp",
	name        = "Haptic Timing Notes",
	category    = "Utility",
	license     = "MIT",
	author      = "haptic instrument tests",
	description = [[Emits a fixed pattern of MIDI notes at exact sample positions, for timing tests: eight notes
3 ms (144 samples) apart, each on its own channel with a pitch bend that places it on its own transducer
column, then a 10 ms note (shorter than a 1024-frame block) and a 200 ms reference note. The pattern starts
when the "go" control goes to 1; positions count samples from the first sample of the cycle in which it did.]]
}

-- Sample rate 48 kHz is assumed (the test's session runs at it).
local NOTE_STEP = 144
local HOLD = 4800
local SHORT_AT, SHORT_LEN = 24000, 480
local REF_AT, REF_LEN = 48000, 9600

function dsp_ioconfig ()
	return { { midi_in = 1, midi_out = 1, audio_in = 0, audio_out = 0 } }
end

function dsp_params ()
	return { { ["type"] = "input", name = "go", min = 0, max = 1, default = 0, toggled = true } }
end

local events = nil
local counter = 0
local started = nil
local next_event = 1

-- {position, status, data1, data2}, sorted by position; a note's bend and CC74 come one sample before it.
local function pattern ()
	local e = {}
	local function note (ch, pos, len, column, row)
		local bend = math.floor (column / 7 * 16383 + 0.5)
		e[#e + 1] = { pos - 1, 0xE0 + ch, bend % 128, math.floor (bend / 128) }
		e[#e + 1] = { pos - 1, 0xB0 + ch, 74, row * 127 }
		e[#e + 1] = { pos, 0x90 + ch, 60, 100 }
		e[#e + 1] = { pos + len, 0x80 + ch, 60, 64 }
	end
	for k = 0, 7 do note (k + 1, 1000 + k * NOTE_STEP, HOLD, k, 0) end
	note (10, SHORT_AT, SHORT_LEN, 3, 1)
	note (11, REF_AT, REF_LEN, 4, 1)
	table.sort (e, function (a, b) return a[1] < b[1] end)
	return e
end

function dsp_init (rate)
	events = pattern ()
end

function dsp_run (_, _, n_samples)
	local out = 1
	if not started and CtrlPorts:array ()[1] > 0 then
		started = counter
	end
	if started then
		while next_event <= #events do
			local ev = events[next_event]
			local at = started + ev[1] - counter
			if at >= n_samples then break end
			midiout[out] = { time = math.max (0, at) + 1, data = { ev[2], ev[3], ev[4] } }
			out = out + 1
			next_event = next_event + 1
		end
	end
	counter = counter + n_samples
end
