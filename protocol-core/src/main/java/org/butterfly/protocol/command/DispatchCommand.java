package org.butterfly.protocol.command;

import org.butterfly.protocol.command.ClientCommands.Cvq;
import org.butterfly.protocol.command.ClientCommands.Cvr;
import org.butterfly.protocol.command.ClientCommands.Inf;
import org.butterfly.protocol.command.ClientCommands.Out;
import org.butterfly.protocol.command.ClientCommands.Png;
import org.butterfly.protocol.command.ClientCommands.Usr;
import org.butterfly.protocol.command.ClientCommands.Ver;

/** What a client may send to the dispatch server (msnp.md §4, §20.1). */
public sealed interface DispatchCommand extends ClientCommand permits Ver, Inf, Usr, Cvr, Cvq, Png, Out {

}
