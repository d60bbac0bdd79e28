package org.overparam.cluster.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who a member is: host, process id, JVM and cores; recorded with each run it ran.
 *
 * @param host the host name
 * @param pid the process id
 * @param jvm the JVM's vendor and version
 * @param cores the processors available to the JVM
 */
record MemberInfo(String host, long pid, String jvm, int cores) {
    /** @return this process */
    static MemberInfo local() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown";
        }
        return new MemberInfo(host, ProcessHandle.current().pid(), System.getProperty("java.vendor", "") + " "
                + System.getProperty("java.runtime.version", ""), Runtime.getRuntime().availableProcessors());
    }

    /** @return the member attributes */
    Map<String, String> attributes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("overparam.host", host);
        m.put("overparam.pid", Long.toString(pid));
        m.put("overparam.jvm", jvm);
        m.put("overparam.cores", Integer.toString(cores));
        return m;
    }

    /** @return e.g. {@code host pid 1234 (JVM Eclipse Adoptium 17.0.15)} */
    String line() {
        return host + " pid " + pid + " (JVM " + jvm.strip() + ")";
    }

    /** @return the run store tag naming this member, e.g. {@code member:host:1234} */
    String tag() {
        return "member:" + host + ":" + pid;
    }
}
