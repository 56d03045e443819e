package org.butterfly.directorytest.app;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AppNoteRepository extends JpaRepository<AppNote, Long> {

}
