package org.butterfly.protocol.command;

import org.butterfly.protocol.command.ClientCommands.Ans;
import org.butterfly.protocol.command.ClientCommands.Cal;
import org.butterfly.protocol.command.ClientCommands.Msg;
import org.butterfly.protocol.command.ClientCommands.Out;
import org.butterfly.protocol.command.ClientCommands.SbUsr;

/** What a client may send to a switchboard (msnp.md §14, §20.3). */
public sealed interface SwitchboardCommand extends ClientCommand permits SbUsr, Ans, Cal, Msg, Out {

}
