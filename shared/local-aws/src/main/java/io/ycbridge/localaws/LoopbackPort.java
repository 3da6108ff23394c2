package io.ycbridge.localaws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Free ports on the loopback interface: the only address local servers of the test setup listen on or are called at. */
final class LoopbackPort {
    static final InetAddress ADDRESS = InetAddress.getLoopbackAddress();

    private LoopbackPort() {
    }

    /**
     * A port that was free a moment ago. Another process may take it before the server binds, so callers retry
     * the start on a bind failure rather than trust it.
     */
    static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, ADDRESS)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + ADDRESS.getHostAddress(), e);
        }
    }

    /** Whether something accepts connections on the port now. */
    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(ADDRESS, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
