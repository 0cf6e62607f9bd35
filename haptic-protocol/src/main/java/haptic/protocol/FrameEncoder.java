package haptic.protocol;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.KryoBufferOverflowException;
import com.esotericsoftware.kryo.io.Output;

import java.nio.ByteBuffer;

/**
 * Turns messages into frames: a big-endian u32 payload length, then the Kryo payload (class id and
 * fields). Owns its Kryo and scratch buffer, so it is not thread-safe: one encoder per writer.
 */
public final class FrameEncoder {
    private final Kryo kryo = Messages.newKryo();
    private final Output payload = new Output(Protocol.MAX_FRAME, Protocol.MAX_FRAME);

    public FrameEncoder() {
    }

    /**
     * Appends one frame to {@code dst} at its position. Either the whole frame is written or nothing is.
     *
     * @throws ProtocolException if {@code msg} is not a valid message, its payload exceeds
     *         {@link Protocol#MAX_FRAME}, or {@code dst} has too little room left
     */
    public void encode(Object msg, ByteBuffer dst) throws ProtocolException {
        int length = serialize(msg);
        if (dst.remaining() < Protocol.LENGTH_PREFIX + length) {
            throw new ProtocolException("a " + msg.getClass().getSimpleName() + " frame needs "
                    + (Protocol.LENGTH_PREFIX + length) + " bytes but the buffer has " + dst.remaining() + " left");
        }
        // Byte by byte rather than putInt: dst may have been switched to little-endian order.
        dst.put((byte) (length >>> 24)).put((byte) (length >>> 16)).put((byte) (length >>> 8)).put((byte) length);
        dst.put(payload.getBuffer(), 0, length);
    }

    /** @return one complete frame (length prefix included) in a new array */
    public byte[] encode(Object msg) throws ProtocolException {
        ByteBuffer frame = ByteBuffer.allocate(Protocol.LENGTH_PREFIX + serialize(msg));
        frame.putInt(frame.capacity() - Protocol.LENGTH_PREFIX);
        frame.put(payload.getBuffer(), 0, frame.remaining());
        return frame.array();
    }

    /** @return payload length, the payload being left in {@link #payload} */
    private int serialize(Object msg) {
        if (msg == null) {
            throw new ProtocolException("cannot send null");
        }
        if (Messages.idOf(msg.getClass()) < 0) {
            throw new ProtocolException(msg.getClass().getName() + " is not a protocol message");
        }
        payload.reset();
        try {
            kryo.writeClassAndObject(payload, msg);
        } catch (ProtocolException e) {
            throw e;
        } catch (KryoBufferOverflowException e) {
            throw new ProtocolException(msg.getClass().getSimpleName() + " is larger than the "
                    + Protocol.MAX_FRAME + "-byte frame limit", e);
        } catch (RuntimeException e) {
            throw new ProtocolException("cannot encode " + msg.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
        return payload.position();
    }
}
