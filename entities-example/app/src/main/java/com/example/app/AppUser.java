package com.example.app;

import com.example.core.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;

/** The application's user: the core library's {@link User} plus the one column this application needs. */
@Entity
public class AppUser extends User {

    @Column(name = "additional_notes", length = 2000)
    private String additionalNotes;

    public String getAdditionalNotes() { return additionalNotes; }
    public void setAdditionalNotes(String additionalNotes) { this.additionalNotes = additionalNotes; }
}
