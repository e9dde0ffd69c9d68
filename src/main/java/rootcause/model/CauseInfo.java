package rootcause.model;

import java.io.Serializable;

/**
 * What a report needs to know about one taxonomy cause.
 *
 * @param id          taxonomy id, e.g. {@code rudeness}
 * @param name        human name, e.g. "Rudeness and disrespect"
 * @param groupId     group id, e.g. {@code people}
 * @param groupName   group name, e.g. "People"
 * @param description one line on what the cause is
 */
public record CauseInfo(String id, String name, String groupId, String groupName, String description)
        implements Serializable {
}
