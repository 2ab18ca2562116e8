package dev.rbee.keeper.cluster;

import dev.rbee.contract.json.Json;
import dev.rbee.contract.json.JsonDecodeException;
import dev.rbee.contract.sse.SseEvent;

/** Cluster events as queen writes them on {@code GET /v2/events} (api.md §5.7), decoded by the contract. */
final class Wire {
    private static final Json JSON = new Json();

    private Wire() {
    }

    /** Single quotes stand for double quotes, to keep the payloads readable. */
    static SseEvent event(String json) {
        try {
            return JSON.decode(json.replace('\'', '"'), SseEvent.class);
        } catch (JsonDecodeException e) {
            throw new AssertionError("not an event: " + json, e);
        }
    }

    static String node(String name, String status) {
        return "{'node_name':'" + name + "','ssh_host':null,'ssh_port':null,'ssh_user':null,'ssh_key_path':null,"
                + "'install_path':'/opt/rbee','hive_port':9200,'hive_bind':null,'status':'" + status + "',"
                + "'last_connected_unix':null,'last_error':null,'backends':['cpu'],'devices':{'cpu':1},"
                + "'installed_version':'0.1.0','host_key_fingerprint':null}";
    }

    static String hive(String node, String state) {
        return "{'node':'" + node + "','running':" + state.equals("running") + ",'state':'" + state + "',"
                + "'url':null,'version':null,'pid':null,'last_heartbeat_at':null,'backends':null,'resources':null,"
                + "'workers':0}";
    }

    static String worker(String id, String node, String state) {
        return "{'worker_id':'" + id + "','node':'" + node + "','url':'http://127.0.0.1:8001',"
                + "'model_ref':'demo:tiny','resolved_ref':'demo:tiny','backend':'cpu','device':0,'state':'" + state
                + "','slots_total':1,'slots_busy':" + (state.equals("busy") ? 1 : 0) + ",'vram_bytes':0,"
                + "'last_heartbeat_at':'2026-11-27T20:00:00Z','stale':false}";
    }

    static String workerEvent(String id, String node, String state) {
        return "{'type':'worker'," + worker(id, node, state).substring(1);
    }

    static String job(String id, String state, int tokens) {
        return "{'job_id':'" + id + "','node':'localhost','model':'demo:tiny','worker_id':'w1','state':'" + state
                + "','tokens_out':" + tokens + ",'created_at':'2026-11-27T20:00:00Z',"
                + "'started_at':'2026-11-27T20:00:01Z','ended_at':null,'stop_reason':null,'error':null}";
    }

    static String jobEvent(String id, String state, int tokens) {
        return "{'type':'job','job_id':'" + id + "','node':'localhost','model':'demo:tiny','state':'" + state
                + "','tokens_out':" + tokens + "}";
    }

    static String snapshot(String nodes, String hives, String workers, String jobs) {
        return "{'type':'snapshot','nodes':[" + nodes + "],'hives':[" + hives + "],'workers':[" + workers
                + "],'jobs':[" + jobs + "]}";
    }
}
