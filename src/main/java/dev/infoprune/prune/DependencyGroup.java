package dev.infoprune.prune;

import java.util.List;

/**
 * Channels that must be pruned together: removing group channel {@code j} removes it from every member. A group
 * with one producing layer is uncoupled (prunable as a chain layer is); several producers (the branches summed by a
 * residual add) make it coupled.
 */
public record DependencyGroup(int channels, List<GroupMember> members) {
    public DependencyGroup {
        members = List.copyOf(members);
    }

    /** The members that compute the channels, input side first. */
    public List<GroupMember> producers() {
        return members.stream().filter(m -> m.role() == GroupMember.Role.OUTPUTS).toList();
    }

    public List<String> producerNames() {
        return producers().stream().map(GroupMember::layer).toList();
    }

    public boolean coupled() {
        return producers().size() > 1;
    }

    /** The member of a layer in a role, or null. */
    public GroupMember member(String layer, GroupMember.Role role) {
        return members.stream().filter(m -> m.layer().equals(layer) && m.role() == role).findFirst().orElse(null);
    }

    @Override
    public String toString() {
        return (coupled() ? "coupled" : "uncoupled") + " group of " + channels + " channels: " + members;
    }
}
