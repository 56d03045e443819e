package org.butterfly.protocol.command;

import org.butterfly.protocol.command.ClientCommands.Add;
import org.butterfly.protocol.command.ClientCommands.Adg;
import org.butterfly.protocol.command.ClientCommands.Blp;
import org.butterfly.protocol.command.ClientCommands.Chg;
import org.butterfly.protocol.command.ClientCommands.Chl;
import org.butterfly.protocol.command.ClientCommands.Cvr;
import org.butterfly.protocol.command.ClientCommands.Fnd;
import org.butterfly.protocol.command.ClientCommands.Gtc;
import org.butterfly.protocol.command.ClientCommands.Ims;
import org.butterfly.protocol.command.ClientCommands.Inf;
import org.butterfly.protocol.command.ClientCommands.Lsg;
import org.butterfly.protocol.command.ClientCommands.Lst;
import org.butterfly.protocol.command.ClientCommands.Out;
import org.butterfly.protocol.command.ClientCommands.Pag;
import org.butterfly.protocol.command.ClientCommands.Png;
import org.butterfly.protocol.command.ClientCommands.Prp;
import org.butterfly.protocol.command.ClientCommands.Qry;
import org.butterfly.protocol.command.ClientCommands.Rea;
import org.butterfly.protocol.command.ClientCommands.Reg;
import org.butterfly.protocol.command.ClientCommands.Rem;
import org.butterfly.protocol.command.ClientCommands.Rmg;
import org.butterfly.protocol.command.ClientCommands.Sdc;
import org.butterfly.protocol.command.ClientCommands.Snd;
import org.butterfly.protocol.command.ClientCommands.Syn;
import org.butterfly.protocol.command.ClientCommands.Url;
import org.butterfly.protocol.command.ClientCommands.Usr;
import org.butterfly.protocol.command.ClientCommands.Ver;
import org.butterfly.protocol.command.ClientCommands.Xfr;

/** What a client may send to a notification server (msnp.md §5–§13, §20.2). */
public sealed interface NotificationCommand extends ClientCommand permits Ver, Inf, Usr, Cvr, Syn, Lst, Gtc, Blp, Chg,
		Add, Rem, Rea, Prp, Url, Snd, Sdc, Pag, Qry, Chl, Fnd, Ims, Xfr, Lsg, Adg, Rmg, Reg, Png, Out {

}
