package casegraph.neo4j;

import static org.neo4j.configuration.SettingValueParsers.BOOL;

import org.neo4j.configuration.Description;
import org.neo4j.configuration.SettingImpl;
import org.neo4j.configuration.SettingsDeclaration;
import org.neo4j.graphdb.config.Setting;

/**
 * Browser settings Neo4j Community does not declare, so dbms.clientConfig() can hand them to the Browser.
 *
 * The Browser reads browser.allow_outgoing_connections from dbms.clientConfig() and treats a missing
 * value as true (it then loads canny.io and other remote content). Registered through
 * META-INF/services/org.neo4j.configuration.SettingsDeclaration.
 */
public final class BrowserSettings implements SettingsDeclaration {
    @Description("Whether the Neo4j Browser may contact hosts other than this server.")
    public static final Setting<Boolean> allow_outgoing_connections =
            SettingImpl.newBuilder("browser.allow_outgoing_connections", BOOL, false).build();
}
