package org.butterfly.directory.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface GroupRepository extends JpaRepository<GroupEntity, GroupEntity.Key> {

	List<GroupEntity> findByOwnerIdOrderByGroupId(long ownerId);

	boolean existsByOwnerIdAndGroupId(long ownerId, int groupId);

}
