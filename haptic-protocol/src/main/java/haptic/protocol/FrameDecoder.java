package haptic.protocol;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * Reassembles frames from a byte stream that arrives in arbitrary pieces. Memory is one header, one
 * {@link Protocol#MAX_FRAME} payload buffer and the messages decoded from the most recent feeds, so a
 * peer cannot make it grow by lying about lengths. Owns its Kryo: not thread-safe, one per reader.
 *
 * <p>After the first protocol error the decoder is dead: it ignores further input and {@link #next()}
 * keeps throwing once the messages decoded before the error have been returned. Close the connection.
 */
public final class FrameDecoder {
    private final Kryo kryo = Messages.newKryo();
    private final Input input = new Input();
    private final byte[] header = new byte[Protocol.LENGTH_PREFIX];
    private final byte[] payload = new byte[Protocol.MAX_FRAME];
    private final ArrayDeque<Object> decoded = new ArrayDeque<>();
    private int headerFilled;
    /** Length of the frame being assembled, or -1 while still reading its header. */
    private int payloadLength = -1;
    private int payloadFilled;
    private ProtocolException failure;

    public FrameDecoder() {
    }

    /**
     * Consumes all of {@code src}'s remaining bytes. Complete frames are decoded at once, so the bytes
     * retained never exceed one frame; a bad length prefix is detected as soon as its 4 bytes are in,
     * before any of its payload is buffered.
     */
    public void feed(ByteBuffer src) {
        while (src.hasRemaining() && failure == null) {
            if (payloadLength < 0) {
                int n = Math.min(header.length - headerFilled, src.remaining());
                src.get(header, headerFilled, n);
                headerFilled += n;
                if (headerFilled == header.length) {
                    startPayload();
                }
            } else {
                int n = Math.min(payloadLength - payloadFilled, src.remaining());
                src.get(payload, payloadFilled, n);
                payloadFilled += n;
                if (payloadFilled == payloadLength) {
                    finishFrame();
                }
            }
        }
        // A dead stream's remaining bytes are meaningless; consume them as promised.
        src.position(src.limit());
    }

    /**
     * @return the next complete message, or null if more bytes are needed
     * @throws ProtocolException if the stream was corrupt; every later call throws too
     */
    public Object next() throws ProtocolException {
        Object msg = decoded.poll();
        if (msg == null && failure != null) {
            throw failure;
        }
        return msg;
    }

    private void startPayload() {
        long length = ((header[0] & 0xFFL) << 24) | ((header[1] & 0xFF) << 16) | ((header[2] & 0xFF) << 8)
                | (header[3] & 0xFF);
        headerFilled = 0;
        if (length == 0 || length > Protocol.MAX_FRAME) {
            failure = new ProtocolException("frame length " + length + " is outside 1.." + Protocol.MAX_FRAME);
            return;
        }
        payloadLength = (int) length;
        payloadFilled = 0;
    }

    private void finishFrame() {
        int length = payloadLength;
        payloadLength = -1;
        try {
            decoded.add(decode(length));
        } catch (ProtocolException e) {
            failure = e;
        }
    }

    private Object decode(int length) {
        input.setBuffer(payload, 0, length);
        Class<?> type = null;
        try {
            // Read the class id ourselves instead of kryo.readClassAndObject: that would also accept
            // Kryo's built-in types (ids 0..9) and class names, neither of which is a message.
            int code = input.readVarInt(true);
            if (code == 0) {
                throw new ProtocolException("frame holds a null instead of a message");
            }
            if (code == 1) {
                throw new ProtocolException("frame names a class instead of using a registered message id");
            }
            type = Messages.typeOf(code - 2);
            if (type == null) {
                throw new ProtocolException("unknown message id " + Integer.toUnsignedString(code - 2));
            }
            Object msg = kryo.readObject(input, type);
            if (input.position() != length) {
                throw new ProtocolException(type.getSimpleName() + " frame has " + (length - input.position())
                        + " trailing bytes");
            }
            return msg;
        } catch (ProtocolException e) {
            throw e;
        } catch (RuntimeException e) {
            // KryoBufferUnderflowException and anything else a malformed payload might provoke.
            String what = type == null ? "message id" : type.getSimpleName();
            throw new ProtocolException("malformed " + what + ": " + e.getMessage(), e);
        }
    }
}
